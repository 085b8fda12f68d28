<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>OrgCharts</name>
    <message>
        <source>No sales in these days yet.</source>
        <translation>No sales in these days yet.</translation>
    </message>
</context>
<context>
    <name>OrgDashboard</name>
    <message>
        <source>Days from</source>
        <translation>Days from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Whole fair</source>
        <translation>Whole fair</translation>
    </message>
    <message>
        <source>Net income</source>
        <translation>Net income</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Average sale</source>
        <translation>Average sale</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>Items sold</translation>
    </message>
    <message>
        <source>Paid digitally</source>
        <translation>Paid digitally</translation>
    </message>
    <message>
        <source>Vendors with sales</source>
        <translation>Vendors with sales</translation>
    </message>
    <message>
        <source>Refunds and voids</source>
        <translation>Refunds and voids</translation>
    </message>
    <message>
        <source>Spending via state schemes</source>
        <translation>Spending via state schemes</translation>
    </message>
    <message>
        <source>Income per product type</source>
        <translation>Income per product type</translation>
    </message>
    <message>
        <source>Payment mix</source>
        <translation>Payment mix</translation>
    </message>
    <message>
        <source>Income per day</source>
        <translation>Income per day</translation>
    </message>
    <message>
        <source>Top vendors</source>
        <translation>Top vendors</translation>
    </message>
    <message>
        <source>Search booth, vendor, district…</source>
        <translation>Search booth, vendor, district…</translation>
    </message>
    <message>
        <source>All product types</source>
        <translation>All product types</translation>
    </message>
    <message>
        <source>No sales only</source>
        <translation>No sales only</translation>
    </message>
    <message>
        <source>Double-click a vendor for its days and products.</source>
        <translation>Double-click a vendor for its days and products.</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>Vendors</translation>
    </message>
    <message>
        <source>Missing exports</source>
        <translation>Missing exports</translation>
    </message>
    <message>
        <source>State schemes</source>
        <translation>State schemes</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <source>Create or choose a fair first (Fair setup).</source>
        <translation>Create or choose a fair first (Fair setup).</translation>
    </message>
    <message>
        <source>gross {gross}</source>
        <translation>gross {gross}</translation>
    </message>
    <message>
        <source>{n} per day</source>
        <translation>{n} per day</translation>
    </message>
    <message>
        <source>PromptPay, transfer</source>
        <translation>PromptPay, transfer</translation>
    </message>
    <message>
        <source>of registered vendors</source>
        <translation>of registered vendors</translation>
    </message>
    <message>
        <source>{r} refunds, {v} voids</source>
        <translation>{r} refunds, {v} voids</translation>
    </message>
    <message>
        <source>Income per hour</source>
        <translation>Income per hour</translation>
    </message>
    <message>
        <source>{n} vendor-days without an export, {m} exported without a sale.</source>
        <translation>{n} vendor-days without an export, {m} exported without a sale.</translation>
    </message>
    <message>
        <source>Missing exports ({n})</source>
        <translation>Missing exports ({n})</translation>
    </message>
    <message>
        <source>state {state} · {share} of income</source>
        <translation>state {state} · {share} of income</translation>
    </message>
    <message>
        <source>Spending brought by the state schemes: what the customers paid and what the state pays, part of the net income ({share} of it).</source>
        <translation>Spending brought by the state schemes: what the customers paid and what the state pays, part of the net income ({share} of it).</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>Written: {path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>{shown} of {total} vendors, net income {net}</source>
        <translation>{shown} of {total} vendors, net income {net}</translation>
    </message>
</context>
<context>
    <name>OrgImport</name>
    <message>
        <source>Import booth exports</source>
        <translation>Import booth exports</translation>
    </message>
    <message>
        <source>Drop export files (.otopx) or whole folders here</source>
        <translation>Drop export files (.otopx) or whole folders here</translation>
    </message>
    <message>
        <source>A file imported before adds nothing again, nor does an older export; a file that is damaged, changed or from another fair is refused with its reason, and other files are listed as not exports. Nothing is counted twice.</source>
        <translation>A file imported before adds nothing again, nor does an older export; a file that is damaged, changed or from another fair is refused with its reason, and other files are listed as not exports. Nothing is counted twice.</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <source>Booth export files</source>
        <translation>Booth export files</translation>
    </message>
    <message>
        <source>Booth exports (*.otopx);;All files (*)</source>
        <translation>Booth exports (*.otopx);;All files (*)</translation>
    </message>
    <message>
        <source>Folder with booth exports</source>
        <translation>Folder with booth exports</translation>
    </message>
    <message>
        <source>Queued: {n} more</source>
        <translation>Queued: {n} more</translation>
    </message>
    <message>
        <source>Looking for export files…</source>
        <translation>Looking for export files…</translation>
    </message>
    <message>
        <source>{done} of {total} files</source>
        <translation>{done} of {total} files</translation>
    </message>
    <message>
        <source>{files} files: {added} added, {held} already held, {refused} refused, not an export: {passed} — {sales} sales added.</source>
        <translation>{files} files: {added} added, {held} already held, {refused} refused, not an export: {passed} — {sales} sales added.</translation>
    </message>
    <message>
        <source>No booth export files (.otopx) were found there.</source>
        <translation>No booth export files (.otopx) were found there.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Already held</source>
        <translation>Already held</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Not an export</source>
        <translation>Not an export</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Sales added</source>
        <translation>Sales added</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>added {s} sales, {v} voids, {r} refunds</source>
        <translation>added {s} sales, {v} voids, {r} refunds</translation>
    </message>
    <message>
        <source>, {o} orders</source>
        <translation>, {o} orders</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
</context>
<context>
    <name>OrgMain</name>
    <message>
        <source>OTOP fair organiser</source>
        <translation>OTOP fair organiser</translation>
    </message>
    <message>
        <source>OTOP organiser</source>
        <translation>OTOP organiser</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Import exports</source>
        <translation>Import exports</translation>
    </message>
    <message>
        <source>Fair setup</source>
        <translation>Fair setup</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Store: {where}</source>
        <translation>Store: {where}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>No fair yet</source>
        <translation>No fair yet</translation>
    </message>
</context>
<context>
    <name>OrgMissing</name>
    <message>
        <source>No export received</source>
        <translation>No export received</translation>
    </message>
    <message>
        <source>Exported, no sales</source>
        <translation>Exported, no sales</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>OrgOrders</name>
    <message>
        <source>{day} (after the fair)</source>
        <translation>{day} (after the fair)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Open at day end</source>
        <translation>Open at day end</translation>
    </message>
    <message>
        <source>Orders taken</source>
        <translation>Orders taken</translation>
    </message>
    <message>
        <source>orders: {n} · deposits {deposits} · open {open}</source>
        <translation>orders: {n} · deposits {deposits} · open {open}</translation>
    </message>
    <message>
        <source>Orders are apart from sales: a delivered order counts in sales on its delivery day.</source>
        <translation>Orders are apart from sales: a delivered order counts in sales on its delivery day.</translation>
    </message>
    <message>
        <source>Orders taken for later delivery, apart from sales: a delivered order counts in sales on its delivery day. {n} open at the end, worth {open}.</source>
        <translation>Orders taken for later delivery, apart from sales: a delivered order counts in sales on its delivery day. {n} open at the end, worth {open}.</translation>
    </message>
</context>
<context>
    <name>OrgRegistry</name>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Load the registry into {fair}</source>
        <translation>Load the registry into {fair}</translation>
    </message>
    <message>
        <source>The registry is kept by the organisers: the vendors and their products, as two CSV files or an Excel workbook (Thai or English headers). Vendors already loaded are updated by their code.</source>
        <translation>The registry is kept by the organisers: the vendors and their products, as two CSV files or an Excel workbook (Thai or English headers). Vendors already loaded are updated by their code.</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Load into the fair</source>
        <translation>Load into the fair</translation>
    </message>
    <message>
        <source>Registry folder</source>
        <translation>Registry folder</translation>
    </message>
    <message>
        <source>Vendors and catalogue CSV</source>
        <translation>Vendors and catalogue CSV</translation>
    </message>
    <message>
        <source>Registry files (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Registry files (*.csv *.txt *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Choose the vendors and the catalogue: two files, or one workbook holding both.</source>
        <translation>Choose the vendors and the catalogue: two files, or one workbook holding both.</translation>
    </message>
    <message>
        <source>Reading and checking…</source>
        <translation>Reading and checking…</translation>
    </message>
    <message>
        <source>{n} problems: nothing can be loaded until they are fixed in the files.</source>
        <translation>{n} problems: nothing can be loaded until they are fixed in the files.</translation>
    </message>
    <message>
        <source>{v} vendors and {p} products can be loaded ({w} warnings: they are loaded anyway).</source>
        <translation>{v} vendors and {p} products can be loaded ({w} warnings: they are loaded anyway).</translation>
    </message>
</context>
<context>
    <name>OrgReports</name>
    <message>
        <source>PDF report</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV files</translation>
    </message>
    <message>
        <source>Write the figures shown into the report folder.</source>
        <translation>Write the figures shown into the report folder.</translation>
    </message>
    <message>
        <source>Report folder…</source>
        <translation>Report folder…</translation>
    </message>
    <message>
        <source>Report folder</source>
        <translation>Report folder</translation>
    </message>
</context>
<context>
    <name>OrgSchemes</name>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>Spending</translation>
    </message>
    <message>
        <source>State&apos;s share</source>
        <translation>State&apos;s share</translation>
    </message>
    <message>
        <source>Customers&apos; share</source>
        <translation>Customers&apos; share</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
</context>
<context>
    <name>OrgSetup</name>
    <message>
        <source>e.g. 26/10/2563</source>
        <translation>e.g. 26/10/2563</translation>
    </message>
    <message>
        <source>New fair</source>
        <translation>New fair</translation>
    </message>
    <message>
        <source>e.g. Suan Ratchadanusorn</source>
        <translation>e.g. Suan Ratchadanusorn</translation>
    </message>
    <message>
        <source>Fair name</source>
        <translation>Fair name</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Host province</source>
        <translation>Host province</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Create the fair</source>
        <translation>Create the fair</translation>
    </message>
    <message>
        <source>1. New fair…</source>
        <translation>1. New fair…</translation>
    </message>
    <message>
        <source>2. Load the registry…</source>
        <translation>2. Load the registry…</translation>
    </message>
    <message>
        <source>3. Make booth packages…</source>
        <translation>3. Make booth packages…</translation>
    </message>
    <message>
        <source>Name, venue, host province and days.</source>
        <translation>Name, venue, host province and days.</translation>
    </message>
    <message>
        <source>Vendors and products from the organisers&apos; CSV files, checked first.</source>
        <translation>Vendors and products from the organisers&apos; CSV files, checked first.</translation>
    </message>
    <message>
        <source>One file per booth to set its till up in one step (holds its signing key: hand it to that vendor only).</source>
        <translation>One file per booth to set its till up in one step (holds its signing key: hand it to that vendor only).</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>No fair yet</source>
        <translation>No fair yet</translation>
    </message>
    <message>
        <source>Start with a new fair, then load its registry.</source>
        <translation>Start with a new fair, then load its registry.</translation>
    </message>
    <message>
        <source>{place} · {first} to {last} ({days} days)</source>
        <translation>{place} · {first} to {last} ({days} days)</translation>
    </message>
    <message>
        <source>{vendors} vendors registered · {sending} have sent exports · files: {added} added, {held} already held, {refused} refused</source>
        <translation>{vendors} vendors registered · {sending} have sent exports · files: {added} added, {held} already held, {refused} refused</translation>
    </message>
    <message>
        <source>Fair created: {name}. Next: load its registry.</source>
        <translation>Fair created: {name}. Next: load its registry.</translation>
    </message>
    <message>
        <source>Registry loaded: vendors {va} added, {vu} updated; products {pa} added, {pu} updated; {w} warnings.</source>
        <translation>Registry loaded: vendors {va} added, {vu} updated; products {pa} added, {pu} updated; {w} warnings.</translation>
    </message>
    <message>
        <source>Folder for the booth packages</source>
        <translation>Folder for the booth packages</translation>
    </message>
    <message>
        <source>Writing booth packages…</source>
        <translation>Writing booth packages…</translation>
    </message>
    <message>
        <source>{n} booth packages written to {folder}. Keep them private: each holds its booth&apos;s signing key.</source>
        <translation>{n} booth packages written to {folder}. Keep them private: each holds its booth&apos;s signing key.</translation>
    </message>
</context>
<context>
    <name>OrgTables</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Net income</source>
        <translation>Net income</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Product type</source>
        <translation>Product type</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Payment method</translation>
    </message>
</context>
<context>
    <name>OrgVendor</name>
    <message>
        <source>Vendor {code}</source>
        <translation>Vendor {code}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <source>Net income</source>
        <translation>Net income</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>Voids</translation>
    </message>
    <message>
        <source>Income per day</source>
        <translation>Income per day</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation>Payment methods</translation>
    </message>
    <message>
        <source>Products sold</source>
        <translation>Products sold</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{name} · booth {booth} · {code}</source>
        <translation>{name} · booth {booth} · {code}</translation>
    </message>
    <message>
        <source>last export {when}</source>
        <translation>last export {when}</translation>
    </message>
    <message>
        <source>{n} days with sales</source>
        <translation>{n} days with sales</translation>
    </message>
</context>
<context>
    <name>OrgVendors</name>
    <message>
        <source>Booth</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>Net income</source>
        <translation>Net income</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Product type</source>
        <translation>Product type</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>Voids</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Last export</source>
        <translation>Last export</translation>
    </message>
</context>
</TS>
