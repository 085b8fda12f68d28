<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
<context>
    <name>OrgCharts</name>
    <message>
        <source>No sales in these days yet.</source>
        <translation>ยังไม่มียอดขายในวันที่เลือก</translation>
    </message>
</context>
<context>
    <name>OrgDashboard</name>
    <message>
        <source>Days from</source>
        <translation>ช่วงวันที่</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <source>Whole fair</source>
        <translation>ทั้งงาน</translation>
    </message>
    <message>
        <source>Net income</source>
        <translation>รายได้สุทธิ</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>จำนวนบิลขาย</translation>
    </message>
    <message>
        <source>Average sale</source>
        <translation>ยอดเฉลี่ยต่อบิล</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>จำนวนชิ้นที่ขาย</translation>
    </message>
    <message>
        <source>Paid digitally</source>
        <translation>ชำระแบบดิจิทัล</translation>
    </message>
    <message>
        <source>Vendors with sales</source>
        <translation>ผู้ประกอบการที่มียอดขาย</translation>
    </message>
    <message>
        <source>Refunds and voids</source>
        <translation>คืนเงินและยกเลิก</translation>
    </message>
    <message>
        <source>Spending via state schemes</source>
        <translation>ยอดใช้จ่ายผ่านโครงการรัฐ</translation>
    </message>
    <message>
        <source>Income per product type</source>
        <translation>รายได้ตามประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Payment mix</source>
        <translation>ช่องทางการชำระเงิน</translation>
    </message>
    <message>
        <source>Income per day</source>
        <translation>รายได้รายวัน</translation>
    </message>
    <message>
        <source>Top vendors</source>
        <translation>ผู้ประกอบการยอดขายสูงสุด</translation>
    </message>
    <message>
        <source>Search booth, vendor, district…</source>
        <translation>ค้นหาบูธ ผู้ประกอบการ อำเภอ…</translation>
    </message>
    <message>
        <source>All product types</source>
        <translation>ทุกประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>No sales only</source>
        <translation>เฉพาะที่ยังไม่มียอดขาย</translation>
    </message>
    <message>
        <source>Double-click a vendor for its days and products.</source>
        <translation>ดับเบิลคลิกที่ผู้ประกอบการเพื่อดูยอดรายวันและสินค้า</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Missing exports</source>
        <translation>ยังไม่ส่งข้อมูล</translation>
    </message>
    <message>
        <source>State schemes</source>
        <translation>โครงการรัฐ</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>ยอดสั่งจอง</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>กำลังคำนวณ…</translation>
    </message>
    <message>
        <source>Create or choose a fair first (Fair setup).</source>
        <translation>สร้างหรือเลือกงานก่อน (หน้าตั้งค่างาน)</translation>
    </message>
    <message>
        <source>gross {gross}</source>
        <translation>ยอดขายรวม {gross}</translation>
    </message>
    <message>
        <source>{n} per day</source>
        <translation>เฉลี่ย {n} บิลต่อวัน</translation>
    </message>
    <message>
        <source>PromptPay, transfer</source>
        <translation>พร้อมเพย์ โอนเงิน</translation>
    </message>
    <message>
        <source>of registered vendors</source>
        <translation>จากผู้ประกอบการที่ลงทะเบียน</translation>
    </message>
    <message>
        <source>{r} refunds, {v} voids</source>
        <translation>คืนเงิน {r} ครั้ง ยกเลิก {v} บิล</translation>
    </message>
    <message>
        <source>Income per hour</source>
        <translation>รายได้รายชั่วโมง</translation>
    </message>
    <message>
        <source>{n} vendor-days without an export, {m} exported without a sale.</source>
        <translation>ยังไม่ได้รับข้อมูล {n} รายการ (ผู้ประกอบการ × วัน) ส่งข้อมูลแล้วแต่ไม่มียอดขาย {m} รายการ</translation>
    </message>
    <message>
        <source>Missing exports ({n})</source>
        <translation>ยังไม่ส่งข้อมูล ({n})</translation>
    </message>
    <message>
        <source>state {state} · {share} of income</source>
        <translation>รัฐจ่าย {state} · {share} ของรายได้</translation>
    </message>
    <message>
        <source>Spending brought by the state schemes: what the customers paid and what the state pays, part of the net income ({share} of it).</source>
        <translation>ยอดใช้จ่ายผ่านโครงการรัฐ คือส่วนที่ลูกค้าจ่ายรวมกับส่วนที่รัฐจ่าย นับรวมอยู่ในรายได้สุทธิแล้ว (คิดเป็น {share} ของรายได้สุทธิ)</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>บันทึกแล้ว: {path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>เปิดโฟลเดอร์</translation>
    </message>
    <message>
        <source>{shown} of {total} vendors, net income {net}</source>
        <translation>แสดง {shown} จาก {total} ราย รายได้สุทธิ {net}</translation>
    </message>
</context>
<context>
    <name>OrgImport</name>
    <message>
        <source>Import booth exports</source>
        <translation>นำเข้าข้อมูลการขายจากบูธ</translation>
    </message>
    <message>
        <source>Drop export files (.otopx) or whole folders here</source>
        <translation>ลากไฟล์ข้อมูลการขาย (.otopx) หรือทั้งโฟลเดอร์มาวางที่นี่</translation>
    </message>
    <message>
        <source>A file imported before adds nothing again, nor does an older export; a file that is damaged, changed or from another fair is refused with its reason, and other files are listed as not exports. Nothing is counted twice.</source>
        <translation>ไฟล์ที่เคยนำเข้าแล้วและไฟล์รุ่นเก่าจะไม่เพิ่มข้อมูลซ้ำ ไฟล์ที่เสียหาย ถูกแก้ไข หรือมาจากงานอื่นจะถูกปฏิเสธพร้อมเหตุผล ไฟล์อื่นจะแสดงว่าไม่ใช่ไฟล์ส่งยอด ไม่มีการนับซ้ำ</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>เลือกไฟล์…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>เลือกโฟลเดอร์…</translation>
    </message>
    <message>
        <source>Booth export files</source>
        <translation>ไฟล์ข้อมูลการขายจากบูธ</translation>
    </message>
    <message>
        <source>Booth exports (*.otopx);;All files (*)</source>
        <translation>ไฟล์ข้อมูลการขาย (*.otopx);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Folder with booth exports</source>
        <translation>โฟลเดอร์ที่มีไฟล์ข้อมูลการขาย</translation>
    </message>
    <message>
        <source>Queued: {n} more</source>
        <translation>รอคิวอีก {n} ชุด</translation>
    </message>
    <message>
        <source>Looking for export files…</source>
        <translation>กำลังค้นหาไฟล์ข้อมูลการขาย…</translation>
    </message>
    <message>
        <source>{done} of {total} files</source>
        <translation>{done} จาก {total} ไฟล์</translation>
    </message>
    <message>
        <source>{files} files: {added} added, {held} already held, {refused} refused, not an export: {passed} — {sales} sales added.</source>
        <translation>{files} ไฟล์: นำเข้า {added} มีอยู่แล้ว {held} ปฏิเสธ {refused} ไม่ใช่ไฟล์ส่งยอด {passed} — เพิ่มการขาย {sales} บิล</translation>
    </message>
    <message>
        <source>No booth export files (.otopx) were found there.</source>
        <translation>ไม่พบไฟล์ข้อมูลการขาย (.otopx) ในที่ที่เลือก</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>นำเข้าแล้ว</translation>
    </message>
    <message>
        <source>Already held</source>
        <translation>มีอยู่แล้ว</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>ปฏิเสธ</translation>
    </message>
    <message>
        <source>Not an export</source>
        <translation>ไม่ใช่ไฟล์ส่งยอด</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>บูธ</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>เครื่อง</translation>
    </message>
    <message>
        <source>Sales added</source>
        <translation>การขายที่เพิ่ม</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>added {s} sales, {v} voids, {r} refunds</source>
        <translation>เพิ่มการขาย {s} ยกเลิก {v} คืนเงิน {r}</translation>
    </message>
    <message>
        <source>, {o} orders</source>
        <translation> สั่งจอง {o} รายการ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>เวลา</translation>
    </message>
</context>
<context>
    <name>OrgMain</name>
    <message>
        <source>OTOP fair organiser</source>
        <translation>ระบบผู้จัดงาน OTOP</translation>
    </message>
    <message>
        <source>OTOP organiser</source>
        <translation>ผู้จัดงาน OTOP</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ภาพรวม</translation>
    </message>
    <message>
        <source>Import exports</source>
        <translation>นำเข้าข้อมูล</translation>
    </message>
    <message>
        <source>Fair setup</source>
        <translation>ตั้งค่างาน</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>งาน</translation>
    </message>
    <message>
        <source>Store: {where}</source>
        <translation>ฐานข้อมูล: {where}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>กำลังทำงาน…</translation>
    </message>
    <message>
        <source>No fair yet</source>
        <translation>ยังไม่มีงาน</translation>
    </message>
</context>
<context>
    <name>OrgMissing</name>
    <message>
        <source>No export received</source>
        <translation>ยังไม่ได้รับข้อมูล</translation>
    </message>
    <message>
        <source>Exported, no sales</source>
        <translation>ส่งแล้ว ไม่มียอดขาย</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>บูธ</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>What</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
</context>
<context>
    <name>OrgOrders</name>
    <message>
        <source>{day} (after the fair)</source>
        <translation>{day} (หลังวันงาน)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>วัน</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>รับสั่ง</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>มูลค่า</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>ส่งมอบ</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Open at day end</source>
        <translation>ค้างส่งสิ้นวัน</translation>
    </message>
    <message>
        <source>Orders taken</source>
        <translation>ยอดสั่งจอง</translation>
    </message>
    <message>
        <source>orders: {n} · deposits {deposits} · open {open}</source>
        <translation>{n} ใบ · มัดจำ {deposits} · ค้างส่ง {open}</translation>
    </message>
    <message>
        <source>Orders are apart from sales: a delivered order counts in sales on its delivery day.</source>
        <translation>ยอดสั่งจองแยกจากยอดขาย ใบสั่งจองที่ส่งมอบแล้วนับเป็นยอดขายในวันที่ส่งมอบ</translation>
    </message>
    <message>
        <source>Orders taken for later delivery, apart from sales: a delivered order counts in sales on its delivery day. {n} open at the end, worth {open}.</source>
        <translation>รายการสั่งจองเพื่อส่งมอบภายหลัง แยกจากยอดขาย ใบสั่งจองที่ส่งมอบแล้วนับเป็นยอดขายในวันที่ส่งมอบ เมื่อสิ้นสุดช่วงวันที่เลือกยังไม่ส่งมอบ {n} ใบ มูลค่า {open}</translation>
    </message>
</context>
<context>
    <name>OrgRegistry</name>
    <message>
        <source>Kind</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>ข้อผิดพลาด</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>คำเตือน</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>บรรทัด</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>คอลัมน์</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>ปัญหา</translation>
    </message>
    <message>
        <source>Load the registry into {fair}</source>
        <translation>นำเข้าทะเบียนผู้ประกอบการสู่งาน {fair}</translation>
    </message>
    <message>
        <source>The registry is kept by the organisers: the vendors and their products, as two CSV files or an Excel workbook (Thai or English headers). Vendors already loaded are updated by their code.</source>
        <translation>ทะเบียนที่ผู้จัดงานจัดทำ: รายชื่อผู้ประกอบการ และรายการสินค้า เป็นไฟล์ CSV สองไฟล์ หรือไฟล์ Excel (หัวคอลัมน์ภาษาไทยหรืออังกฤษ) ผู้ประกอบการที่นำเข้าแล้วจะถูกปรับปรุงตามรหัส</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>เลือกโฟลเดอร์…</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>เลือกไฟล์…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Load into the fair</source>
        <translation>นำเข้าสู่งาน</translation>
    </message>
    <message>
        <source>Registry folder</source>
        <translation>โฟลเดอร์ทะเบียน</translation>
    </message>
    <message>
        <source>Vendors and catalogue CSV</source>
        <translation>ไฟล์ CSV ผู้ประกอบการและสินค้า</translation>
    </message>
    <message>
        <source>Registry files (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>ไฟล์ทะเบียน (*.csv *.txt *.xlsx);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Choose the vendors and the catalogue: two files, or one workbook holding both.</source>
        <translation>เลือกไฟล์ผู้ประกอบการและไฟล์สินค้า: สองไฟล์ หรือไฟล์ Excel ไฟล์เดียวที่มีทั้งสองแผ่นงาน</translation>
    </message>
    <message>
        <source>Reading and checking…</source>
        <translation>กำลังอ่านและตรวจสอบ…</translation>
    </message>
    <message>
        <source>{n} problems: nothing can be loaded until they are fixed in the files.</source>
        <translation>พบปัญหา {n} รายการ: ยังนำเข้าไม่ได้จนกว่าจะแก้ไขในไฟล์</translation>
    </message>
    <message>
        <source>{v} vendors and {p} products can be loaded ({w} warnings: they are loaded anyway).</source>
        <translation>พร้อมนำเข้าผู้ประกอบการ {v} ราย สินค้า {p} รายการ (คำเตือน {w} รายการ: นำเข้าได้ตามปกติ)</translation>
    </message>
</context>
<context>
    <name>OrgReports</name>
    <message>
        <source>PDF report</source>
        <translation>รายงาน PDF</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>ไฟล์ CSV</translation>
    </message>
    <message>
        <source>Write the figures shown into the report folder.</source>
        <translation>บันทึกตัวเลขที่แสดงอยู่ลงในโฟลเดอร์รายงาน</translation>
    </message>
    <message>
        <source>Report folder…</source>
        <translation>โฟลเดอร์รายงาน…</translation>
    </message>
    <message>
        <source>Report folder</source>
        <translation>โฟลเดอร์รายงาน</translation>
    </message>
</context>
<context>
    <name>OrgSchemes</name>
    <message>
        <source>Scheme</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>ยอดใช้จ่าย</translation>
    </message>
    <message>
        <source>State&apos;s share</source>
        <translation>ส่วนที่รัฐจ่าย</translation>
    </message>
    <message>
        <source>Customers&apos; share</source>
        <translation>ส่วนที่ลูกค้าจ่าย</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>สัดส่วน</translation>
    </message>
</context>
<context>
    <name>OrgSetup</name>
    <message>
        <source>e.g. 26/10/2563</source>
        <translation>เช่น 26/10/2563</translation>
    </message>
    <message>
        <source>New fair</source>
        <translation>สร้างงานใหม่</translation>
    </message>
    <message>
        <source>e.g. Suan Ratchadanusorn</source>
        <translation>เช่น สวนรัชดานุสรณ์</translation>
    </message>
    <message>
        <source>Fair name</source>
        <translation>ชื่องาน</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <source>Host province</source>
        <translation>จังหวัดเจ้าภาพ</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>วันแรก</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>วันสุดท้าย</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Create the fair</source>
        <translation>สร้างงาน</translation>
    </message>
    <message>
        <source>1. New fair…</source>
        <translation>1. สร้างงานใหม่…</translation>
    </message>
    <message>
        <source>2. Load the registry…</source>
        <translation>2. นำเข้าทะเบียน…</translation>
    </message>
    <message>
        <source>3. Make booth packages…</source>
        <translation>3. สร้างแพ็กเกจบูธ…</translation>
    </message>
    <message>
        <source>Name, venue, host province and days.</source>
        <translation>ชื่องาน สถานที่ จังหวัดเจ้าภาพ และวันจัดงาน</translation>
    </message>
    <message>
        <source>Vendors and products from the organisers&apos; CSV files, checked first.</source>
        <translation>ผู้ประกอบการและสินค้าจากไฟล์ CSV ของผู้จัดงาน ตรวจสอบก่อนนำเข้า</translation>
    </message>
    <message>
        <source>One file per booth to set its till up in one step (holds its signing key: hand it to that vendor only).</source>
        <translation>บูธละหนึ่งไฟล์ ใช้ตั้งค่าเครื่องขายได้ในขั้นตอนเดียว (มีกุญแจลงนามของบูธ: มอบให้เฉพาะผู้ประกอบการรายนั้น)</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>ประวัติการนำเข้า</translation>
    </message>
    <message>
        <source>No fair yet</source>
        <translation>ยังไม่มีงาน</translation>
    </message>
    <message>
        <source>Start with a new fair, then load its registry.</source>
        <translation>เริ่มจากสร้างงานใหม่ แล้วนำเข้าทะเบียนผู้ประกอบการ</translation>
    </message>
    <message>
        <source>{place} · {first} to {last} ({days} days)</source>
        <translation>{place} · {first} ถึง {last} ({days} วัน)</translation>
    </message>
    <message>
        <source>{vendors} vendors registered · {sending} have sent exports · files: {added} added, {held} already held, {refused} refused</source>
        <translation>ลงทะเบียน {vendors} ราย · ส่งข้อมูลแล้ว {sending} ราย · ไฟล์: นำเข้า {added} มีอยู่แล้ว {held} ปฏิเสธ {refused}</translation>
    </message>
    <message>
        <source>Fair created: {name}. Next: load its registry.</source>
        <translation>สร้างงาน {name} แล้ว ขั้นต่อไป: นำเข้าทะเบียน</translation>
    </message>
    <message>
        <source>Registry loaded: vendors {va} added, {vu} updated; products {pa} added, {pu} updated; {w} warnings.</source>
        <translation>นำเข้าทะเบียนแล้ว: ผู้ประกอบการ เพิ่ม {va} แก้ไข {vu}; สินค้า เพิ่ม {pa} แก้ไข {pu}; คำเตือน {w} รายการ</translation>
    </message>
    <message>
        <source>Folder for the booth packages</source>
        <translation>โฟลเดอร์สำหรับแพ็กเกจบูธ</translation>
    </message>
    <message>
        <source>Writing booth packages…</source>
        <translation>กำลังสร้างแพ็กเกจบูธ…</translation>
    </message>
    <message>
        <source>{n} booth packages written to {folder}. Keep them private: each holds its booth&apos;s signing key.</source>
        <translation>สร้างแพ็กเกจบูธ {n} ไฟล์ใน {folder} แล้ว เก็บเป็นความลับ: แต่ละไฟล์มีกุญแจลงนามของบูธ</translation>
    </message>
</context>
<context>
    <name>OrgTables</name>
    <message>
        <source>Item</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Net income</source>
        <translation>รายได้สุทธิ</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>บิลขาย</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>ชิ้น</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>สัดส่วน</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Product type</source>
        <translation>ประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>ช่องทางชำระเงิน</translation>
    </message>
</context>
<context>
    <name>OrgVendor</name>
    <message>
        <source>Vendor {code}</source>
        <translation>ผู้ประกอบการ {code}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} ถึง {last}</translation>
    </message>
    <message>
        <source>Net income</source>
        <translation>รายได้สุทธิ</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>บิลขาย</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>ชิ้น</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>คืนเงิน</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Income per day</source>
        <translation>รายได้รายวัน</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>รายวัน</translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation>ช่องทางชำระเงิน</translation>
    </message>
    <message>
        <source>Products sold</source>
        <translation>สินค้าที่ขายได้</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>{name} · booth {booth} · {code}</source>
        <translation>{name} · บูธ {booth} · {code}</translation>
    </message>
    <message>
        <source>last export {when}</source>
        <translation>ส่งข้อมูลล่าสุด {when}</translation>
    </message>
    <message>
        <source>{n} days with sales</source>
        <translation>ขายได้ {n} วัน</translation>
    </message>
</context>
<context>
    <name>OrgVendors</name>
    <message>
        <source>Booth</source>
        <translation>บูธ</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Net income</source>
        <translation>รายได้สุทธิ</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>บิล</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>ชิ้น</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>วัน</translation>
    </message>
    <message>
        <source>Product type</source>
        <translation>ประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>ระดับดาว</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>คืนเงิน</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Last export</source>
        <translation>ส่งข้อมูลล่าสุด</translation>
    </message>
</context>
</TS>
