<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>Adjust</name>
    <message>
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation>Void sale</translation>
    </message>
    <message>
        <source>Void receipt {number} ({amount})? It stays in the records, marked VOID, and the stock goes back.</source>
        <translation>Void receipt {number} ({amount})? It stays in the records, marked VOID, and the stock goes back.</translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation>Customer changed their mind</translation>
    </message>
    <message>
        <source>Wrong item rung up</source>
        <translation>Wrong item rung up</translation>
    </message>
    <message>
        <source>Wrong price</source>
        <translation>Wrong price</translation>
    </message>
    <message>
        <source>Test sale</source>
        <translation>Test sale</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Refund from receipt {number}: tick the items coming back.</source>
        <translation>Refund from receipt {number}: tick the items coming back.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Can refund</source>
        <translation>Can refund</translation>
    </message>
    <message>
        <source>Refund qty</source>
        <translation>Refund qty</translation>
    </message>
    <message>
        <source>Give back by</source>
        <translation>Give back by</translation>
    </message>
    <message>
        <source>Transfer reference (optional)</source>
        <translation>Transfer reference (optional)</translation>
    </message>
    <message>
        <source>Damaged product</source>
        <translation>Damaged product</translation>
    </message>
    <message>
        <source>Customer returned it</source>
        <translation>Customer returned it</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Wrong item</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <source>Manager&apos;s approval</source>
        <translation>Manager&apos;s approval</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
</context>
<context>
    <name>Cart</name>
    <message>
        <source>Baht</source>
        <translation>Baht</translation>
    </message>
    <message>
        <source>Percent (%)</source>
        <translation>Percent (%)</translation>
    </message>
    <message>
        <source>Qty (F3)</source>
        <translation>Qty (F3)</translation>
    </message>
    <message>
        <source>Discount (F4)</source>
        <translation>Discount (F4)</translation>
    </message>
    <message>
        <source>Price (F9)</source>
        <translation>Price (F9)</translation>
    </message>
    <message>
        <source>Remove (Del)</source>
        <translation>Remove (Del)</translation>
    </message>
    <message>
        <source>Bill discount (F5)</source>
        <translation>Bill discount (F5)</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Hold (F6)</source>
        <translation>Hold (F6)</translation>
    </message>
    <message>
        <source>Resume (F7)</source>
        <translation>Resume (F7)</translation>
    </message>
    <message>
        <source>Clear (F8)</source>
        <translation>Clear (F8)</translation>
    </message>
    <message>
        <source>PAY (F12)</source>
        <translation>PAY (F12)</translation>
    </message>
    <message>
        <source>Items: {n}</source>
        <translation>Items: {n}</translation>
    </message>
    <message>
        <source>Subtotal {amount}</source>
        <translation>Subtotal {amount}</translation>
    </message>
    <message>
        <source>Paid already: {parts} · still to pay {due}</source>
        <translation>Paid already: {parts} · still to pay {due}</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>The cart is empty.</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>How many “{name}”?</source>
        <translation>How many “{name}”?</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Line discount</translation>
    </message>
    <message>
        <source>Discount on “{name}” ({amount})</source>
        <translation>Discount on “{name}” ({amount})</translation>
    </message>
    <message>
        <source>No discount</source>
        <translation>No discount</translation>
    </message>
    <message>
        <source>Bill discount</source>
        <translation>Bill discount</translation>
    </message>
    <message>
        <source>Discount on the whole bill ({amount})</source>
        <translation>Discount on the whole bill ({amount})</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Unit price of “{name}” (list price {amount})</source>
        <translation>Unit price of “{name}” (list price {amount})</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>List price</translation>
    </message>
    <message>
        <source>Bill held. F7 brings it back; name it in the list.</source>
        <translation>Bill held. F7 brings it back; name it in the list.</translation>
    </message>
    <message>
        <source>Remove every item from the cart?</source>
        <translation>Remove every item from the cart?</translation>
    </message>
    <message>
        <source>{amount} has been paid on this bill: hand it back to the customer.</source>
        <translation>{amount} has been paid on this bill: hand it back to the customer.</translation>
    </message>
    <message>
        <source>Clear cart</source>
        <translation>Clear cart</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>OTOP POS</source>
        <translation>OTOP POS</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Day</name>
    <message>
        <source>Open the sales day</source>
        <translation>Open the sales day</translation>
    </message>
    <message>
        <source>Cash float in the drawer (change money)</source>
        <translation>Cash float in the drawer (change money)</translation>
    </message>
    <message>
        <source>Open day</source>
        <translation>Open day</translation>
    </message>
    <message>
        <source>Close the day: count the cash</source>
        <translation>Close the day: count the cash</translation>
    </message>
    <message>
        <source>Reading the day&apos;s figures…</source>
        <translation>Reading the day&apos;s figures…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>Coins</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>Expected in the drawer</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <source>{date}: {n} sales, net {net}</source>
        <translation>{date}: {n} sales, net {net}</translation>
    </message>
    <message>
        <source>Exact ✓</source>
        <translation>Exact ✓</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z report</translation>
    </message>
    <message>
        <source>Day closed. Counted {counted}, difference {diff}.</source>
        <translation>Day closed. Counted {counted}, difference {diff}.</translation>
    </message>
    <message>
        <source>Close day and count cash</source>
        <translation>Close day and count cash</translation>
    </message>
    <message>
        <source>Export for the organiser…</source>
        <translation>Export for the organiser…</translation>
    </message>
    <message>
        <source>Past days</source>
        <translation>Past days</translation>
    </message>
    <message>
        <source>Show Z report</source>
        <translation>Show Z report</translation>
    </message>
    <message>
        <source>Print Z report again</source>
        <translation>Print Z report again</translation>
    </message>
    <message>
        <source>No sales day is open.</source>
        <translation>No sales day is open.</translation>
    </message>
    <message>
        <source>Open since {time} · float {amount}</source>
        <translation>Open since {time} · float {amount}</translation>
    </message>
    <message>
        <source>Sales: {n} · gross {gross} · net {net}</source>
        <translation>Sales: {n} · gross {gross} · net {net}</translation>
    </message>
    <message>
        <source>Voids: {n} ({amount}) · refunds: {r} ({ramount})</source>
        <translation>Voids: {n} ({amount}) · refunds: {r} ({ramount})</translation>
    </message>
    <message>
        <source>Cash expected in the drawer: {amount}</source>
        <translation>Cash expected in the drawer: {amount}</translation>
    </message>
    <message>
        <source>Finish those sales or hand the money back before closing the day.</source>
        <translation>Finish those sales or hand the money back before closing the day.</translation>
    </message>
    <message>
        <source>Close the day anyway?</source>
        <translation>Close the day anyway?</translation>
    </message>
    <message>
        <source>Export saved: {path}. Give this file to the organiser.</source>
        <translation>Export saved: {path}. Give this file to the organiser.</translation>
    </message>
    <message>
        <source>The Z report is printing.</source>
        <translation>The Z report is printing.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong. The details were written to the error log.</source>
        <translation>Something went wrong. The details were written to the error log.</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Set up this booth</source>
        <extracomment>The pages of the stack, and the step (1–4) each belongs to. The two receipt papers the wizard offers (dots across), 58 mm first: most portable printers take it.</extracomment>
        <translation>Set up this booth</translation>
    </message>
    <message>
        <source>Welcome to OTOP POS</source>
        <translation>Welcome to OTOP POS</translation>
    </message>
    <message>
        <source>Choose the language of the app</source>
        <translation>Choose the language of the app</translation>
    </message>
    <message>
        <source>You can change it later in Settings.</source>
        <translation>You can change it later in Settings.</translation>
    </message>
    <message>
        <source>How wide is your receipt paper?</source>
        <translation>How wide is your receipt paper?</translation>
    </message>
    <message>
        <source>Paper 58 mm wide
(most portable printers)</source>
        <translation>Paper 58 mm wide
(most portable printers)</translation>
    </message>
    <message>
        <source>Paper 80 mm wide
(large shop-counter printers)</source>
        <translation>Paper 80 mm wide
(large shop-counter printers)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>Print a test page</translation>
    </message>
    <message>
        <source>Not sure? Measure the paper roll, or keep 58 mm. You can change it later in Settings.</source>
        <translation>Not sure? Measure the paper roll, or keep 58 mm. You can change it later in Settings.</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>How do you want to set up this booth?</source>
        <translation>How do you want to set up this booth?</translation>
    </message>
    <message>
        <source>Choose the shop settings file the organiser gave you, then set the manager PIN.</source>
        <translation>Choose the shop settings file the organiser gave you, then set the manager PIN.</translation>
    </message>
    <message>
        <source>Shop settings file</source>
        <translation>Shop settings file</translation>
    </message>
    <message>
        <source>Choose the file with the organiser&apos;s list of shops and products, and type your vendor code.</source>
        <translation>Choose the file with the organiser&apos;s list of shops and products, and type your vendor code.</translation>
    </message>
    <message>
        <source>List of shops file</source>
        <translation>List of shops file</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>Step {n} of {total}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <source>How to set up</source>
        <translation>How to set up</translation>
    </message>
    <message>
        <source>Shop details</source>
        <translation>Shop details</translation>
    </message>
    <message>
        <source>No printer for now</source>
        <translation>No printer for now</translation>
    </message>
    <message>
        <source>Printing the test page…</source>
        <translation>Printing the test page…</translation>
    </message>
    <message>
        <source>Test page sent: Thai text, both edge marks and a QR code must print.</source>
        <translation>Test page sent: Thai text, both edge marks and a QR code must print.</translation>
    </message>
    <message>
        <source>Try the demo fair</source>
        <translation>Try the demo fair</translation>
    </message>
    <message>
        <source>4–8 digits</source>
        <translation>4–8 digits</translation>
    </message>
    <message>
        <source>New manager PIN</source>
        <translation>New manager PIN</translation>
    </message>
    <message>
        <source>Use the shop settings file from the organiser</source>
        <translation>Use the shop settings file from the organiser</translation>
    </message>
    <message>
        <source>Use the organiser&apos;s list of shops and my vendor code</source>
        <translation>Use the organiser&apos;s list of shops and my vendor code</translation>
    </message>
    <message>
        <source>The demo fair has invented shops and products; its sales stay on this computer only.</source>
        <translation>The demo fair has invented shops and products; its sales stay on this computer only.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Manager PIN again</source>
        <translation>Manager PIN again</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>Set up</translation>
    </message>
    <message>
        <source>Vendor code</source>
        <translation>Vendor code</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>as on the list</source>
        <translation>as on the list</translation>
    </message>
    <message>
        <source>Fair name</source>
        <translation>Fair name</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Receipt number or product</source>
        <translation>Receipt number or product</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Show receipt</source>
        <translation>Show receipt</translation>
    </message>
    <message>
        <source>Reprint (COPY)</source>
        <translation>Reprint (COPY)</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <source>Open the sale</source>
        <translation>Open the sale</translation>
    </message>
    <message>
        <source>Day total</source>
        <translation>Day total</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>All days</translation>
    </message>
    <message>
        <source>{title}: net {net}</source>
        <translation>{title}: net {net}</translation>
    </message>
    <message>
        <source>{count} sales {gross} · refunds {refunds} · voids {voids}</source>
        <translation>{count} sales {gross} · refunds {refunds} · voids {voids}</translation>
    </message>
    <message>
        <source>Choose a sale on the left.</source>
        <translation>Choose a sale on the left.</translation>
    </message>
    <message>
        <source>Refund of sale {sale} · {time} · {amount} back</source>
        <translation>Refund of sale {sale} · {time} · {amount} back</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>Voided by {number}</source>
        <translation>Voided by {number}</translation>
    </message>
    <message>
        <source>Refunds: {numbers}</source>
        <translation>Refunds: {numbers}</translation>
    </message>
    <message>
        <source>{time} · total {total} · net {net}</source>
        <translation>{time} · total {total} · net {net}</translation>
    </message>
    <message>
        <source>received {tendered}, change {change}</source>
        <translation>received {tendered}, change {change}</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>Receipt {number}</translation>
    </message>
    <message>
        <source>No receipt printer is set up (Settings → Printer). Use “Show receipt” to show it on screen.</source>
        <translation>No receipt printer is set up (Settings → Printer). Use “Show receipt” to show it on screen.</translation>
    </message>
    <message>
        <source>Printing a copy (marked COPY).</source>
        <translation>Printing a copy (marked COPY).</translation>
    </message>
    <message>
        <source>Voided: {number} ({amount}).</source>
        <translation>Voided: {number} ({amount}).</translation>
    </message>
    <message>
        <source>Refunded: {number} ({amount}).</source>
        <translation>Refunded: {number} ({amount}).</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>Partly refunded</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Refund {number}: {amount} back from sale {sale}</source>
        <translation>Refund {number}: {amount} back from sale {sale}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>{qty} returned, {amount}</source>
        <translation>{qty} returned, {amount}</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>All days</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>OTOP POS</source>
        <translation>OTOP POS</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Sell</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Two products share a code, so the sell screen refuses a scan of it:</source>
        <translation>Two products share a code, so the sell screen refuses a scan of it:</translation>
    </message>
    <message>
        <source>… and {n} more: tap here to see them all.</source>
        <translation>… and {n} more: tap here to see them all.</translation>
    </message>
    <message>
        <source>Products to fix</source>
        <translation>Products to fix</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Print again</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Day not open</source>
        <translation>Day not open</translation>
    </message>
    <message>
        <source>Day open since {time}</source>
        <translation>Day open since {time}</translation>
    </message>
    <message>
        <source>No receipt printer</source>
        <translation>No receipt printer</translation>
    </message>
    <message>
        <source>Printer problem: {message}</source>
        <translation>Printer problem: {message}</translation>
    </message>
    <message>
        <source>Printing: {n} waiting</source>
        <translation>Printing: {n} waiting</translation>
    </message>
    <message>
        <source>Printer ready</source>
        <translation>Printer ready</translation>
    </message>
    <message>
        <source>Backup {time} ✓</source>
        <translation>Backup {time} ✓</translation>
    </message>
    <message>
        <source>Backup failed: {message}</source>
        <translation>Backup failed: {message}</translation>
    </message>
    <message>
        <source>No backup folder</source>
        <translation>No backup folder</translation>
    </message>
    <message>
        <source>Backup on</source>
        <translation>Backup on</translation>
    </message>
    <message>
        <source>OTOP POS is already open for this booth in another window: use that window (look in the taskbar).</source>
        <translation>OTOP POS is already open for this booth in another window: use that window (look in the taskbar).</translation>
    </message>
    <message>
        <source>Demo fair: the manager PIN is {pin}.</source>
        <translation>Demo fair: the manager PIN is {pin}.</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <source>Take the cart as an order</source>
        <translation>Take the cart as an order</translation>
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
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Order value {amount}</source>
        <translation>Order value {amount}</translation>
    </message>
    <message>
        <source>The deposit is money of today, not a sale.</source>
        <translation>The deposit is money of today, not a sale.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>Delivery date</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>Take order</source>
        <translation>Take order</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <source>in {days} days</source>
        <translation>in {days} days</translation>
    </message>
    <message>
        <source>Order {number} taken: deposit {amount}, balance due {due}.</source>
        <translation>Order {number} taken: deposit {amount}, balance due {due}.</translation>
    </message>
    <message>
        <source>Customer {customer}</source>
        <translation>Customer {customer}</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Order {number}</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Deposit ({paid_by})</source>
        <translation>Deposit ({paid_by})</translation>
    </message>
    <message>
        <source>Deposit given back</source>
        <translation>Deposit given back</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Balance due</translation>
    </message>
    <message>
        <source>Deliver order {number}</source>
        <translation>Deliver order {number}</translation>
    </message>
    <message>
        <source>Order {number} delivered: it is sale {sale}.</source>
        <translation>Order {number} delivered: it is sale {sale}.</translation>
    </message>
    <message>
        <source>Cancel order {number}?</source>
        <translation>Cancel order {number}?</translation>
    </message>
    <message>
        <source>Order {number} cancelled: deposit {amount} given back.</source>
        <translation>Order {number} cancelled: deposit {amount} given back.</translation>
    </message>
    <message>
        <source>Order {number} cancelled.</source>
        <translation>Order {number} cancelled.</translation>
    </message>
    <message>
        <source>Value ({count} items)</source>
        <translation>Value ({count} items)</translation>
    </message>
    <message>
        <source>Deposit paid earlier</source>
        <translation>Deposit paid earlier</translation>
    </message>
    <message>
        <source>Balance due now</source>
        <translation>Balance due now</translation>
    </message>
    <message>
        <source>The whole order becomes a sale of today.</source>
        <translation>The whole order becomes a sale of today.</translation>
    </message>
    <message>
        <source>Cancel order {number}</source>
        <translation>Cancel order {number}</translation>
    </message>
    <message>
        <source>Give the deposit back ({amount})</source>
        <translation>Give the deposit back ({amount})</translation>
    </message>
    <message>
        <source>Keep the deposit</source>
        <translation>Keep the deposit</translation>
    </message>
    <message>
        <source>The customer paid a deposit of {amount}.</source>
        <translation>The customer paid a deposit of {amount}.</translation>
    </message>
    <message>
        <source>No deposit was paid.</source>
        <translation>No deposit was paid.</translation>
    </message>
    <message>
        <source>The manager&apos;s PIN is asked next.</source>
        <translation>The manager&apos;s PIN is asked next.</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Cancel the order</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>Keep the order</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>Deliver</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Show delivered and cancelled too</source>
        <translation>Show delivered and cancelled too</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Cancel order…</translation>
    </message>
    <message>
        <source>Deliver…</source>
        <translation>Deliver…</translation>
    </message>
    <message>
        <source>The fair is over: no new orders. Orders already taken can still be delivered or cancelled.</source>
        <translation>The fair is over: no new orders. Orders already taken can still be delivered or cancelled.</translation>
    </message>
    <message>
        <source>The manager&apos;s PIN is needed to cancel order {number}.</source>
        <extracomment>The demo&apos;s customers (personal data stays at the booth: the same names in both languages&apos; screenshots).</extracomment>
        <translation>The manager&apos;s PIN is needed to cancel order {number}.</translation>
    </message>
</context>
<context>
    <name>Pay</name>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>Still to pay</translation>
    </message>
    <message>
        <source>Remove payment</source>
        <translation>Remove payment</translation>
    </message>
    <message>
        <source>Back to cart (Esc)</source>
        <translation>Back to cart (Esc)</translation>
    </message>
    <message>
        <source>Complete sale (Enter)</source>
        <translation>Complete sale (Enter)</translation>
    </message>
    <message>
        <source>Other methods (F8)</source>
        <translation>Other methods (F8)</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Exact</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>PromptPay to {who}</source>
        <translation>PromptPay to {who}</translation>
    </message>
    <message>
        <source>No PromptPay ID is set: no QR can be shown. Set it in Settings → Shop.</source>
        <translation>No PromptPay ID is set: no QR can be shown. Set it in Settings → Shop.</translation>
    </message>
    <message>
        <source>state {state} · customer {customer}</source>
        <extracomment>The methods the pay dialog has tabs for (F5, F6, F7); F8 offers the fair&apos;s others.</extracomment>
        <translation>state {state} · customer {customer}</translation>
    </message>
    <message>
        <source>Other payment methods (F8)</source>
        <translation>Other payment methods (F8)</translation>
    </message>
    <message>
        <source>Still to pay {due}</source>
        <translation>Still to pay {due}</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>State&apos;s share (the slip)</source>
        <translation>State&apos;s share (the slip)</translation>
    </message>
    <message>
        <source>Customer&apos;s share (the slip)</source>
        <translation>Customer&apos;s share (the slip)</translation>
    </message>
    <message>
        <source>Slip reference (optional)</source>
        <translation>Slip reference (optional)</translation>
    </message>
    <message>
        <source>Take this payment (Enter)</source>
        <translation>Take this payment (Enter)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <source>(state pays {percent}%)</source>
        <translation>(state pays {percent}%)</translation>
    </message>
    <message>
        <source>(paid by the state)</source>
        <translation>(paid by the state)</translation>
    </message>
    <message>
        <source>The state pays at most {cap} a person a day: check the slip.</source>
        <translation>The state pays at most {cap} a person a day: check the slip.</translation>
    </message>
    <message>
        <source>Money received ✓</source>
        <translation>Money received ✓</translation>
    </message>
    <message>
        <source>Show to customer (F11)</source>
        <translation>Show to customer (F11)</translation>
    </message>
    <message>
        <source>Amount transferred</source>
        <translation>Amount transferred</translation>
    </message>
    <message>
        <source>Reference (optional)</source>
        <translation>Reference (optional)</translation>
    </message>
    <message>
        <source>Transfer received ✓</source>
        <translation>Transfer received ✓</translation>
    </message>
    <message>
        <source>Paid too much</source>
        <translation>Paid too much</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>Paid in full</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>No payment taken yet</source>
        <translation>No payment taken yet</translation>
    </message>
    <message>
        <source>{amount} is more than the {due} still to pay: a PromptPay QR asks at most what is due.</source>
        <translation>{amount} is more than the {due} still to pay: a PromptPay QR asks at most what is due.</translation>
    </message>
    <message>
        <source>Remove the {method} payment of {amount}? Hand that money back to the customer.</source>
        <translation>Remove the {method} payment of {amount}? Hand that money back to the customer.</translation>
    </message>
    <message>
        <source>Unknown code {code}: no product has it.</source>
        <translation>Unknown code {code}: no product has it.</translation>
    </message>
    <message>
        <source>Added {name} ({price}) to the bill.</source>
        <translation>Added {name} ({price}) to the bill.</translation>
    </message>
    <message>
        <source>Cash received {cash} for {due} due: give {change} change?</source>
        <translation>Cash received {cash} for {due} due: give {change} change?</translation>
    </message>
    <message>
        <source>Yes, give change</source>
        <translation>Yes, give change</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Sell anyway</source>
        <translation>Sell anyway</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Other width (dots)</source>
        <translation>Other width (dots)</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <source>empty = standard ESC/POS</source>
        <translation>empty = standard ESC/POS</translation>
    </message>
    <message>
        <source>Printer profile</source>
        <translation>Printer profile</translation>
    </message>
    <message>
        <source>Cut the paper after each receipt</source>
        <translation>Cut the paper after each receipt</translation>
    </message>
    <message>
        <source>Printer set up by hand</source>
        <translation>Printer set up by hand</translation>
    </message>
    <message>
        <source>USB printer</source>
        <translation>USB printer</translation>
    </message>
    <message>
        <source>({mm} mm)</source>
        <translation>({mm} mm)</translation>
    </message>
    <message>
        <source>USB printer: {model}</source>
        <translation>USB printer: {model}</translation>
    </message>
    <message>
        <source>Network printer {host}, port {port}</source>
        <translation>Network printer {host}, port {port}</translation>
    </message>
    <message>
        <source>Network printer {host}</source>
        <translation>Network printer {host}</translation>
    </message>
    <message>
        <source>Bluetooth / serial port printer: {port}</source>
        <translation>Bluetooth / serial port printer: {port}</translation>
    </message>
    <message>
        <source>Bluetooth / serial port printer</source>
        <translation>Bluetooth / serial port printer</translation>
    </message>
    <message>
        <source>USB printer (through the computer&apos;s printer driver)</source>
        <translation>USB printer (through the computer&apos;s printer driver)</translation>
    </message>
    <message>
        <source>Printer “{name}”</source>
        <translation>Printer “{name}”</translation>
    </message>
    <message>
        <source>Find printers</source>
        <translation>Find printers</translation>
    </message>
    <message>
        <source>Open the cash drawer for cash sales</source>
        <translation>Open the cash drawer for cash sales</translation>
    </message>
    <message>
        <source>Advanced (for support)</source>
        <translation>Advanced (for support)</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>Printer address</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <source>Another printer (type its address under Advanced)</source>
        <translation>Another printer (type its address under Advanced)</translation>
    </message>
    <message>
        <source>{n} printer(s) found.</source>
        <translation>{n} printer(s) found.</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>No printer</translation>
    </message>
    <message>
        <source>Test printer (prints nothing)</source>
        <translation>Test printer (prints nothing)</translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation>Choose a printer first.</translation>
    </message>
    <message>
        <source>Printing the test page…</source>
        <translation>Printing the test page…</translation>
    </message>
    <message>
        <source>Test page sent. Check the paper: Thai text, both edge marks and a QR code must print.</source>
        <translation>Test page sent. Check the paper: Thai text, both edge marks and a QR code must print.</translation>
    </message>
</context>
<context>
    <name>Products</name>
    <message>
        <source>Search: name, SKU or barcode</source>
        <translation>Search: name, SKU or barcode</translation>
    </message>
    <message>
        <source>EAN-13, e.g. 885…</source>
        <translation>EAN-13, e.g. 885…</translation>
    </message>
    <message>
        <source>empty = not counted</source>
        <translation>empty = not counted</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Price (baht)</source>
        <translation>Price (baht)</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Quick-key position</source>
        <translation>Quick-key position</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>▲ Move up</source>
        <translation>▲ Move up</translation>
    </message>
    <message>
        <source>▼ Move down</source>
        <translation>▼ Move down</translation>
    </message>
    <message>
        <source>Sold out / back in sale</source>
        <translation>Sold out / back in sale</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>Saved “{name}”.</translation>
    </message>
    <message>
        <source>“{name}” is back in sale.</source>
        <translation>“{name}” is back in sale.</translation>
    </message>
    <message>
        <source>“{name}” is marked sold out.</source>
        <translation>“{name}” is marked sold out.</translation>
    </message>
    <message>
        <source>Moved “{name}”.</source>
        <translation>Moved “{name}”.</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Hidden</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <source>For sale</source>
        <translation>For sale</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <source>A scan cannot be used in this window: barcode {code} was not typed in and nothing changed. Scan products on the Sell screen.</source>
        <translation>A scan cannot be used in this window: barcode {code} was not typed in and nothing changed. Scan products on the Sell screen.</translation>
    </message>
    <message>
        <source>Barcode scanner</source>
        <translation>Barcode scanner</translation>
    </message>
</context>
<context>
    <name>Sell</name>
    <message>
        <source>Sold out</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <source>Left: {n}</source>
        <translation>Left: {n}</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 item</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <source>paid {amount} already</source>
        <translation>paid {amount} already</translation>
    </message>
    <message>
        <source>Held bills</source>
        <translation>Held bills</translation>
    </message>
    <message>
        <source>Enter brings back the selected bill; the cart on screen, if it has anything, is held in its place.</source>
        <translation>Enter brings back the selected bill; the cart on screen, if it has anything, is held in its place.</translation>
    </message>
    <message>
        <source>Name or note for the selected bill</source>
        <translation>Name or note for the selected bill</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>Save name</translation>
    </message>
    <message>
        <source>Bring back (Enter)</source>
        <translation>Bring back (Enter)</translation>
    </message>
    <message>
        <source>{n} bill(s) are not finished (held or still in the cart). They are kept and come back when the app starts again.</source>
        <translation>{n} bill(s) are not finished (held or still in the cart). They are kept and come back when the app starts again.</translation>
    </message>
    <message>
        <source>Money already taken on them (not yet in any sale):</source>
        <translation>Money already taken on them (not yet in any sale):</translation>
    </message>
    <message>
        <source>Search name, SKU or barcode (F2)</source>
        <translation>Search name, SKU or barcode (F2)</translation>
    </message>
    <message>
        <source>The sales day is not open yet: open it with the cash float before selling.</source>
        <translation>The sales day is not open yet: open it with the cash float before selling.</translation>
    </message>
    <message>
        <source>Open day</source>
        <translation>Open day</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Several products match: tap one, or keep typing.</source>
        <translation>Several products match: tap one, or keep typing.</translation>
    </message>
    <message>
        <source>“{name}” is marked sold out.</source>
        <translation>“{name}” is marked sold out.</translation>
    </message>
    <message>
        <source>Barcode {code} is not valid (misread?). Scan it again.</source>
        <translation>Barcode {code} is not valid (misread?). Scan it again.</translation>
    </message>
    <message>
        <source>Unknown code {code}: no product has it.</source>
        <translation>Unknown code {code}: no product has it.</translation>
    </message>
    <message>
        <source>Open the sales day first.</source>
        <translation>Open the sales day first.</translation>
    </message>
    <message>
        <source>No bill is held.</source>
        <translation>No bill is held.</translation>
    </message>
    <message>
        <source>Saved {number} · {total}</source>
        <translation>Saved {number} · {total}</translation>
    </message>
    <message>
        <source>Scan or tap the next product to start the next sale.</source>
        <translation>Scan or tap the next product to start the next sale.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>No change</translation>
    </message>
    <message>
        <source>Sale {number} · total {total} · received {paid}</source>
        <translation>Sale {number} · total {total} · received {paid}</translation>
    </message>
    <message>
        <source>Close the app anyway?</source>
        <translation>Close the app anyway?</translation>
    </message>
    <message>
        <source>Close the app</source>
        <translation>Close the app</translation>
    </message>
    <message>
        <source>Code {code}</source>
        <translation>Code {code}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>PIN and backup</source>
        <translation>PIN and backup</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>13 digits (optional)</source>
        <translation>13 digits (optional)</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Tax ID</translation>
    </message>
    <message>
        <source>VAT registered (abbreviated tax invoice)</source>
        <translation>VAT registered (abbreviated tax invoice)</translation>
    </message>
    <message>
        <source>Mobile 08x-xxx-xxxx or 13-digit ID</source>
        <translation>Mobile 08x-xxx-xxxx or 13-digit ID</translation>
    </message>
    <message>
        <source>PromptPay ID</source>
        <translation>PromptPay ID</translation>
    </message>
    <message>
        <source>PromptPay account name</source>
        <translation>PromptPay account name</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Seller name</source>
        <translation>Seller name</translation>
    </message>
    <message>
        <source>Largest discount without the manager&apos;s PIN (%)</source>
        <translation>Largest discount without the manager&apos;s PIN (%)</translation>
    </message>
    <message>
        <source>Receipt header</source>
        <translation>Receipt header</translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation>Receipt footer</translation>
    </message>
    <message>
        <source>Receipt language</source>
        <translation>Receipt language</translation>
    </message>
    <message>
        <source>Print a QR code with the receipt number</source>
        <translation>Print a QR code with the receipt number</translation>
    </message>
    <message>
        <source>Your shop online: a QR of one link on every receipt (LINE first, else the shop, else Facebook)</source>
        <translation>Your shop online: a QR of one link on every receipt (LINE first, else the shop, else Facebook)</translation>
    </message>
    <message>
        <source>@abc or a line.me link (optional)</source>
        <translation>@abc or a line.me link (optional)</translation>
    </message>
    <message>
        <source>LINE official account</source>
        <translation>LINE official account</translation>
    </message>
    <message>
        <source>https://… (optional)</source>
        <translation>https://… (optional)</translation>
    </message>
    <message>
        <source>Online shop</source>
        <translation>Online shop</translation>
    </message>
    <message>
        <source>facebook.com/… (optional)</source>
        <translation>facebook.com/… (optional)</translation>
    </message>
    <message>
        <source>Facebook page</source>
        <translation>Facebook page</translation>
    </message>
    <message>
        <source>Change the manager PIN</source>
        <translation>Change the manager PIN</translation>
    </message>
    <message>
        <source>4–8 digits</source>
        <translation>4–8 digits</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>e.g. a USB stick</source>
        <translation>e.g. a USB stick</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>Back up every (minutes)</source>
        <translation>Back up every (minutes)</translation>
    </message>
    <message>
        <source>Keep the last (copies)</source>
        <translation>Keep the last (copies)</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Without a PromptPay ID no QR can be shown.</source>
        <translation>Without a PromptPay ID no QR can be shown.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>The manager PIN was changed.</source>
        <translation>The manager PIN was changed.</translation>
    </message>
    <message>
        <source>Save the settings first.</source>
        <translation>Save the settings first.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Backed up at {time}: {path}</source>
        <translation>Backed up at {time}: {path}</translation>
    </message>
    <message>
        <source>Booth {booth} · till {till} · vendor {vendor}</source>
        <translation>Booth {booth} · till {till} · vendor {vendor}</translation>
    </message>
</context>
</TS>
