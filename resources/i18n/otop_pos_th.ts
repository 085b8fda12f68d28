<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
<context>
    <name>Adjust</name>
    <message>
        <source>Reason (required)</source>
        <translation>เหตุผล (ต้องระบุ)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>รหัสเจ้าของร้าน</translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation>ยกเลิกบิล</translation>
    </message>
    <message>
        <source>Void receipt {number} ({amount})? It stays in the records, marked VOID, and the stock goes back.</source>
        <translation>ยกเลิกบิล {number} ({amount}) ใช่ไหม? บิลนี้ยังเก็บไว้ในประวัติโดยมีตรา “ยกเลิก” และสินค้าจะคืนเข้าสต็อก</translation>
    </message>
    <message>
        <source>Customer changed their mind</source>
        <translation>ลูกค้าเปลี่ยนใจ</translation>
    </message>
    <message>
        <source>Wrong item rung up</source>
        <translation>คิดเงินผิดรายการ</translation>
    </message>
    <message>
        <source>Wrong price</source>
        <translation>คิดราคาผิด</translation>
    </message>
    <message>
        <source>Test sale</source>
        <translation>ทดลองขาย</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>คืนเงิน</translation>
    </message>
    <message>
        <source>Refund from receipt {number}: tick the items coming back.</source>
        <translation>คืนเงินจากบิล {number}: ติ๊กเลือกสินค้าที่ลูกค้านำมาคืน</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Can refund</source>
        <translation>คืนได้</translation>
    </message>
    <message>
        <source>Refund qty</source>
        <translation>จำนวนที่คืน</translation>
    </message>
    <message>
        <source>Give back by</source>
        <translation>คืนเงินทาง</translation>
    </message>
    <message>
        <source>Transfer reference (optional)</source>
        <translation>เลขอ้างอิงการโอน (ถ้ามี)</translation>
    </message>
    <message>
        <source>Damaged product</source>
        <translation>สินค้าชำรุด</translation>
    </message>
    <message>
        <source>Customer returned it</source>
        <translation>ลูกค้านำมาคืน</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>ผิดรายการ</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <source>Manager&apos;s approval</source>
        <translation>อนุมัติโดยเจ้าของร้าน</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>รหัสเจ้าของร้าน</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>อนุมัติ</translation>
    </message>
</context>
<context>
    <name>Cart</name>
    <message>
        <source>Baht</source>
        <translation>บาท</translation>
    </message>
    <message>
        <source>Percent (%)</source>
        <translation>เปอร์เซ็นต์ (%)</translation>
    </message>
    <message>
        <source>Qty (F3)</source>
        <translation>จำนวน (F3)</translation>
    </message>
    <message>
        <source>Discount (F4)</source>
        <translation>ส่วนลด (F4)</translation>
    </message>
    <message>
        <source>Price (F9)</source>
        <translation>ราคา (F9)</translation>
    </message>
    <message>
        <source>Remove (Del)</source>
        <translation>ลบ (Del)</translation>
    </message>
    <message>
        <source>Bill discount (F5)</source>
        <translation>ลดทั้งบิล (F5)</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>ยอดรวม</translation>
    </message>
    <message>
        <source>Hold (F6)</source>
        <translation>พักบิล (F6)</translation>
    </message>
    <message>
        <source>Resume (F7)</source>
        <translation>เรียกบิล (F7)</translation>
    </message>
    <message>
        <source>Clear (F8)</source>
        <translation>ล้าง (F8)</translation>
    </message>
    <message>
        <source>PAY (F12)</source>
        <translation>รับเงิน (F12)</translation>
    </message>
    <message>
        <source>Items: {n}</source>
        <translation>จำนวน {n} ชิ้น</translation>
    </message>
    <message>
        <source>Subtotal {amount}</source>
        <translation>รวมก่อนลด {amount}</translation>
    </message>
    <message>
        <source>Paid already: {parts} · still to pay {due}</source>
        <translation>รับชำระแล้ว: {parts} · ค้างชำระ {due}</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>ยังไม่มีสินค้าในตะกร้า</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>How many “{name}”?</source>
        <translation>“{name}” กี่ชิ้น?</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>ส่วนลดรายการนี้</translation>
    </message>
    <message>
        <source>Discount on “{name}” ({amount})</source>
        <translation>ส่วนลดของ “{name}” ({amount})</translation>
    </message>
    <message>
        <source>No discount</source>
        <translation>ไม่ลด</translation>
    </message>
    <message>
        <source>Bill discount</source>
        <translation>ส่วนลดทั้งบิล</translation>
    </message>
    <message>
        <source>Discount on the whole bill ({amount})</source>
        <translation>ส่วนลดทั้งบิล (ยอด {amount})</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>Unit price of “{name}” (list price {amount})</source>
        <translation>ราคาต่อชิ้นของ “{name}” (ราคาตั้ง {amount})</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>ราคาตั้ง</translation>
    </message>
    <message>
        <source>Bill held. F7 brings it back; name it in the list.</source>
        <translation>พักบิลแล้ว กด F7 เพื่อเรียกคืน ตั้งชื่อบิลได้ในรายการ</translation>
    </message>
    <message>
        <source>Remove every item from the cart?</source>
        <translation>ลบสินค้าทั้งหมดออกจากตะกร้าใช่ไหม?</translation>
    </message>
    <message>
        <source>{amount} has been paid on this bill: hand it back to the customer.</source>
        <translation>บิลนี้รับเงินไปแล้ว {amount} ต้องคืนเงินให้ลูกค้า</translation>
    </message>
    <message>
        <source>Clear cart</source>
        <translation>ล้างตะกร้า</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>ส่วนลด</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>รวม</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>OTOP POS</source>
        <translation>OTOP POS</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>รหัสเจ้าของร้าน</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>มีปัญหา</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>โปรดยืนยัน</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <source>No</source>
        <translation>ไม่</translation>
    </message>
</context>
<context>
    <name>Day</name>
    <message>
        <source>Open the sales day</source>
        <translation>เปิดวันขาย</translation>
    </message>
    <message>
        <source>Cash float in the drawer (change money)</source>
        <translation>เงินทอนตั้งต้นในลิ้นชัก</translation>
    </message>
    <message>
        <source>Open day</source>
        <translation>เปิดวันขาย</translation>
    </message>
    <message>
        <source>Close the day: count the cash</source>
        <translation>ปิดวัน: นับเงินสด</translation>
    </message>
    <message>
        <source>Reading the day&apos;s figures…</source>
        <translation>กำลังอ่านยอดของวันนี้…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ธนบัตร</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>เหรียญ</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>ส่วนต่าง</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>ควรมีในลิ้นชัก</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>นับได้</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>ปิดวันขาย</translation>
    </message>
    <message>
        <source>{date}: {n} sales, net {net}</source>
        <translation>{date}: ขาย {n} บิล ยอดสุทธิ {net}</translation>
    </message>
    <message>
        <source>Exact ✓</source>
        <translation>พอดี ✓</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>เงินขาด</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>เงินเกิน</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>รายงานปิดยอด (Z)</translation>
    </message>
    <message>
        <source>Day closed. Counted {counted}, difference {diff}.</source>
        <translation>ปิดวันแล้ว นับได้ {counted} ส่วนต่าง {diff}</translation>
    </message>
    <message>
        <source>Close day and count cash</source>
        <translation>ปิดวันและนับเงิน</translation>
    </message>
    <message>
        <source>Export for the organiser…</source>
        <translation>ส่งออกยอดให้ผู้จัดงาน…</translation>
    </message>
    <message>
        <source>Past days</source>
        <translation>วันที่ผ่านมา</translation>
    </message>
    <message>
        <source>Show Z report</source>
        <translation>ดูรายงานปิดยอด</translation>
    </message>
    <message>
        <source>Print Z report again</source>
        <translation>พิมพ์รายงานปิดยอดอีกครั้ง</translation>
    </message>
    <message>
        <source>No sales day is open.</source>
        <translation>ยังไม่ได้เปิดวันขาย</translation>
    </message>
    <message>
        <source>Open since {time} · float {amount}</source>
        <translation>เปิดตั้งแต่ {time} · เงินทอนตั้งต้น {amount}</translation>
    </message>
    <message>
        <source>Sales: {n} · gross {gross} · net {net}</source>
        <translation>ขาย {n} บิล · ยอดขาย {gross} · สุทธิ {net}</translation>
    </message>
    <message>
        <source>Voids: {n} ({amount}) · refunds: {r} ({ramount})</source>
        <translation>ยกเลิก {n} บิล ({amount}) · คืนเงิน {r} บิล ({ramount})</translation>
    </message>
    <message>
        <source>Cash expected in the drawer: {amount}</source>
        <translation>เงินสดที่ควรมีในลิ้นชัก: {amount}</translation>
    </message>
    <message>
        <source>Finish those sales or hand the money back before closing the day.</source>
        <translation>ขายบิลเหล่านั้นให้จบหรือคืนเงินลูกค้าก่อนปิดวัน</translation>
    </message>
    <message>
        <source>Close the day anyway?</source>
        <translation>ปิดวันเลยหรือไม่?</translation>
    </message>
    <message>
        <source>Export saved: {path}. Give this file to the organiser.</source>
        <translation>บันทึกไฟล์ส่งออกแล้ว: {path} นำไฟล์นี้ส่งให้ผู้จัดงาน</translation>
    </message>
    <message>
        <source>The Z report is printing.</source>
        <translation>กำลังพิมพ์รายงานปิดยอด</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong. The details were written to the error log.</source>
        <translation>เกิดข้อผิดพลาดในโปรแกรม บันทึกรายละเอียดไว้ในไฟล์บันทึกข้อผิดพลาดแล้ว</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Set up this booth</source>
        <extracomment>The pages of the stack, and the step (1–4) each belongs to. The two receipt papers the wizard offers (dots across), 58 mm first: most portable printers take it.</extracomment>
        <translation>ตั้งค่าบูธนี้</translation>
    </message>
    <message>
        <source>Welcome to OTOP POS</source>
        <translation>ยินดีต้อนรับสู่ OTOP POS</translation>
    </message>
    <message>
        <source>Choose the language of the app</source>
        <translation>เลือกภาษาที่ใช้ในโปรแกรม</translation>
    </message>
    <message>
        <source>You can change it later in Settings.</source>
        <translation>เปลี่ยนภายหลังได้ที่หน้าตั้งค่า</translation>
    </message>
    <message>
        <source>How wide is your receipt paper?</source>
        <translation>กระดาษใบเสร็จของคุณกว้างเท่าไร?</translation>
    </message>
    <message>
        <source>Paper 58 mm wide
(most portable printers)</source>
        <translation>กระดาษกว้าง 58 มม.
(เครื่องพิมพ์พกพาส่วนใหญ่)</translation>
    </message>
    <message>
        <source>Paper 80 mm wide
(large shop-counter printers)</source>
        <translation>กระดาษกว้าง 80 มม.
(เครื่องพิมพ์ตั้งโต๊ะขนาดใหญ่)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>เครื่องพิมพ์</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>พิมพ์หน้าทดสอบ</translation>
    </message>
    <message>
        <source>Not sure? Measure the paper roll, or keep 58 mm. You can change it later in Settings.</source>
        <translation>ไม่แน่ใจ? ลองวัดความกว้างของม้วนกระดาษ หรือเลือก 58 มม. ไว้ก่อน เปลี่ยนภายหลังได้ที่หน้าตั้งค่า</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>ถัดไป</translation>
    </message>
    <message>
        <source>How do you want to set up this booth?</source>
        <translation>จะตั้งค่าบูธนี้ด้วยวิธีไหน?</translation>
    </message>
    <message>
        <source>Choose the shop settings file the organiser gave you, then set the manager PIN.</source>
        <translation>เลือกไฟล์ตั้งค่าร้านที่ได้รับจากผู้จัดงาน แล้วตั้งรหัสเจ้าของร้าน</translation>
    </message>
    <message>
        <source>Shop settings file</source>
        <translation>ไฟล์ตั้งค่าร้าน</translation>
    </message>
    <message>
        <source>Choose the file with the organiser&apos;s list of shops and products, and type your vendor code.</source>
        <translation>เลือกไฟล์รายชื่อร้านและรายการสินค้าที่ได้จากผู้จัดงาน แล้วใส่รหัสผู้ประกอบการของคุณ</translation>
    </message>
    <message>
        <source>List of shops file</source>
        <translation>ไฟล์รายชื่อร้าน</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>ขั้นที่ {n} จาก {total}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>กระดาษใบเสร็จ</translation>
    </message>
    <message>
        <source>How to set up</source>
        <translation>วิธีตั้งค่า</translation>
    </message>
    <message>
        <source>Shop details</source>
        <translation>ข้อมูลร้าน</translation>
    </message>
    <message>
        <source>No printer for now</source>
        <translation>ยังไม่ใช้เครื่องพิมพ์ตอนนี้</translation>
    </message>
    <message>
        <source>Printing the test page…</source>
        <translation>กำลังพิมพ์หน้าทดสอบ…</translation>
    </message>
    <message>
        <source>Test page sent: Thai text, both edge marks and a QR code must print.</source>
        <translation>ส่งหน้าทดสอบแล้ว: ต้องเห็นภาษาไทย ขีดขอบทั้งสองข้าง และคิวอาร์โค้ด</translation>
    </message>
    <message>
        <source>Try the demo fair</source>
        <translation>ทดลองใช้กับงานตัวอย่าง</translation>
    </message>
    <message>
        <source>4–8 digits</source>
        <translation>ตัวเลข 4–8 หลัก</translation>
    </message>
    <message>
        <source>New manager PIN</source>
        <translation>ตั้งรหัสเจ้าของร้าน</translation>
    </message>
    <message>
        <source>Use the shop settings file from the organiser</source>
        <translation>ใช้ไฟล์ตั้งค่าร้านจากผู้จัดงาน</translation>
    </message>
    <message>
        <source>Use the organiser&apos;s list of shops and my vendor code</source>
        <translation>ใช้รายชื่อร้านจากผู้จัดงาน และรหัสผู้ประกอบการของฉัน</translation>
    </message>
    <message>
        <source>The demo fair has invented shops and products; its sales stay on this computer only.</source>
        <translation>งานตัวอย่างใช้ชื่อร้านและสินค้าสมมุติ ยอดขายเก็บไว้ในเครื่องนี้เท่านั้น</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>เลือกไฟล์…</translation>
    </message>
    <message>
        <source>Manager PIN again</source>
        <translation>ใส่รหัสเจ้าของร้านอีกครั้ง</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <source>Vendor code</source>
        <translation>รหัสผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>บูธ</translation>
    </message>
    <message>
        <source>as on the list</source>
        <translation>ตามรายชื่อ</translation>
    </message>
    <message>
        <source>Fair name</source>
        <translation>ชื่องาน</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Receipt number or product</source>
        <translation>เลขที่บิลหรือชื่อสินค้า</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>ค้นหา</translation>
    </message>
    <message>
        <source>Show receipt</source>
        <translation>ดูใบเสร็จ</translation>
    </message>
    <message>
        <source>Reprint (COPY)</source>
        <translation>พิมพ์สำเนา</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>ยกเลิกบิล…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>คืนเงิน…</translation>
    </message>
    <message>
        <source>Open the sale</source>
        <translation>ดูบิลขาย</translation>
    </message>
    <message>
        <source>Day total</source>
        <translation>ยอดรวมของวัน</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>ทุกวัน</translation>
    </message>
    <message>
        <source>{title}: net {net}</source>
        <translation>{title}: สุทธิ {net}</translation>
    </message>
    <message>
        <source>{count} sales {gross} · refunds {refunds} · voids {voids}</source>
        <translation>ขาย {count} บิล {gross} · คืนเงิน {refunds} · ยกเลิก {voids}</translation>
    </message>
    <message>
        <source>Choose a sale on the left.</source>
        <translation>เลือกบิลจากรายการทางซ้าย</translation>
    </message>
    <message>
        <source>Refund of sale {sale} · {time} · {amount} back</source>
        <translation>คืนเงินของบิล {sale} · {time} · คืน {amount}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>เหตุผล: {reason}</translation>
    </message>
    <message>
        <source>Voided by {number}</source>
        <translation>ยกเลิกแล้ว เลขที่ {number}</translation>
    </message>
    <message>
        <source>Refunds: {numbers}</source>
        <translation>คืนเงินแล้ว: {numbers}</translation>
    </message>
    <message>
        <source>{time} · total {total} · net {net}</source>
        <translation>{time} · ยอดรวม {total} · สุทธิ {net}</translation>
    </message>
    <message>
        <source>received {tendered}, change {change}</source>
        <translation>รับมา {tendered} ทอน {change}</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>ใบเสร็จ {number}</translation>
    </message>
    <message>
        <source>No receipt printer is set up (Settings → Printer). Use “Show receipt” to show it on screen.</source>
        <translation>ยังไม่ได้ตั้งค่าเครื่องพิมพ์ใบเสร็จ (ตั้งค่า → เครื่องพิมพ์) กด “ดูใบเสร็จ” เพื่อแสดงบนจอ</translation>
    </message>
    <message>
        <source>Printing a copy (marked COPY).</source>
        <translation>กำลังพิมพ์สำเนา (มีคำว่า สำเนา)</translation>
    </message>
    <message>
        <source>Voided: {number} ({amount}).</source>
        <translation>ยกเลิกบิลแล้ว: {number} ({amount})</translation>
    </message>
    <message>
        <source>Refunded: {number} ({amount}).</source>
        <translation>คืนเงินแล้ว: {number} ({amount})</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Paid</source>
        <translation>ชำระแล้ว</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>คืนเงินแล้ว</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>คืนบางส่วน</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>คืนเงิน</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>เลขที่บิล</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>ชิ้น</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>ชำระโดย</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>ยอดรวม</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Refund {number}: {amount} back from sale {sale}</source>
        <translation>ใบคืนเงิน {number}: คืน {amount} จากบิล {sale}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>สุทธิ</translation>
    </message>
    <message>
        <source>{qty} returned, {amount}</source>
        <translation>คืนแล้ว {qty} ชิ้น {amount}</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>ทุกวัน</translation>
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
        <translation>ขาย</translation>
    </message>
    <message>
        <source>History</source>
        <translation>ประวัติการขาย</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>วันขาย</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>สั่งจอง</translation>
    </message>
    <message>
        <source>Two products share a code, so the sell screen refuses a scan of it:</source>
        <translation>มีสินค้าสองรายการใช้รหัสเดียวกัน หน้าขายจึงไม่รับการสแกนรหัสนั้น:</translation>
    </message>
    <message>
        <source>… and {n} more: tap here to see them all.</source>
        <translation>… และอีก {n} รายการ แตะที่นี่เพื่อดูทั้งหมด</translation>
    </message>
    <message>
        <source>Products to fix</source>
        <translation>สินค้าที่ต้องแก้ไข</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>กำลังทำงาน…</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>พิมพ์อีกครั้ง</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>ไม่ต้องพิมพ์</translation>
    </message>
    <message>
        <source>Day not open</source>
        <translation>ยังไม่เปิดวันขาย</translation>
    </message>
    <message>
        <source>Day open since {time}</source>
        <translation>เปิดวันขายตั้งแต่ {time}</translation>
    </message>
    <message>
        <source>No receipt printer</source>
        <translation>ไม่มีเครื่องพิมพ์ใบเสร็จ</translation>
    </message>
    <message>
        <source>Printer problem: {message}</source>
        <translation>เครื่องพิมพ์มีปัญหา: {message}</translation>
    </message>
    <message>
        <source>Printing: {n} waiting</source>
        <translation>กำลังพิมพ์: รอ {n} ใบ</translation>
    </message>
    <message>
        <source>Printer ready</source>
        <translation>เครื่องพิมพ์พร้อม</translation>
    </message>
    <message>
        <source>Backup {time} ✓</source>
        <translation>สำรองข้อมูล {time} ✓</translation>
    </message>
    <message>
        <source>Backup failed: {message}</source>
        <translation>สำรองข้อมูลไม่สำเร็จ: {message}</translation>
    </message>
    <message>
        <source>No backup folder</source>
        <translation>ยังไม่ได้ตั้งที่สำรองข้อมูล</translation>
    </message>
    <message>
        <source>Backup on</source>
        <translation>สำรองข้อมูลอัตโนมัติ</translation>
    </message>
    <message>
        <source>OTOP POS is already open for this booth in another window: use that window (look in the taskbar).</source>
        <translation>โปรแกรม OTOP POS ของบูธนี้เปิดอยู่แล้วในอีกหน้าต่างหนึ่ง กรุณาใช้หน้าต่างนั้น (ดูที่แถบงานด้านล่าง)</translation>
    </message>
    <message>
        <source>Demo fair: the manager PIN is {pin}.</source>
        <translation>งานตัวอย่าง: รหัสเจ้าของร้านคือ {pin}</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <source>Take the cart as an order</source>
        <translation>รับสั่งจองจากตะกร้า</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>ส่งมอบแล้ว</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ยกเลิกแล้ว</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>ส่งมอบวันนี้</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>เลยกำหนดส่ง</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>รอส่งมอบ</translation>
    </message>
    <message>
        <source>Order value {amount}</source>
        <translation>มูลค่าสั่งจอง {amount}</translation>
    </message>
    <message>
        <source>The deposit is money of today, not a sale.</source>
        <translation>เงินมัดจำนับเป็นเงินรับของวันนี้ ไม่ใช่ยอดขาย</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ชื่อลูกค้า</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>เบอร์โทร</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>วันส่งมอบ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>มัดจำ</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>ชำระด้วย</translation>
    </message>
    <message>
        <source>Take order</source>
        <translation>รับสั่งจอง</translation>
    </message>
    <message>
        <source>today</source>
        <translation>วันนี้</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>พรุ่งนี้</translation>
    </message>
    <message>
        <source>in {days} days</source>
        <translation>อีก {days} วัน</translation>
    </message>
    <message>
        <source>Order {number} taken: deposit {amount}, balance due {due}.</source>
        <translation>รับสั่งจอง {number} แล้ว มัดจำ {amount} ค้างชำระ {due}</translation>
    </message>
    <message>
        <source>Customer {customer}</source>
        <translation>ลูกค้า {customer}</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>ใบสั่งจอง {number}</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>ใบเสร็จการขาย</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>Deposit ({paid_by})</source>
        <translation>มัดจำ ({paid_by})</translation>
    </message>
    <message>
        <source>Deposit given back</source>
        <translation>คืนเงินมัดจำแล้ว</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>ค้างชำระ</translation>
    </message>
    <message>
        <source>Deliver order {number}</source>
        <translation>ส่งมอบใบสั่งจอง {number}</translation>
    </message>
    <message>
        <source>Order {number} delivered: it is sale {sale}.</source>
        <translation>ส่งมอบ {number} แล้ว เป็นยอดขายใบเสร็จ {sale}</translation>
    </message>
    <message>
        <source>Cancel order {number}?</source>
        <translation>ยกเลิกใบสั่งจอง {number} ใช่ไหม</translation>
    </message>
    <message>
        <source>Order {number} cancelled: deposit {amount} given back.</source>
        <translation>ยกเลิก {number} แล้ว คืนเงินมัดจำ {amount}</translation>
    </message>
    <message>
        <source>Order {number} cancelled.</source>
        <translation>ยกเลิก {number} แล้ว</translation>
    </message>
    <message>
        <source>Value ({count} items)</source>
        <translation>มูลค่า ({count} ชิ้น)</translation>
    </message>
    <message>
        <source>Deposit paid earlier</source>
        <translation>มัดจำที่รับไว้แล้ว</translation>
    </message>
    <message>
        <source>Balance due now</source>
        <translation>ค้างชำระ รับเงินตอนนี้</translation>
    </message>
    <message>
        <source>The whole order becomes a sale of today.</source>
        <translation>ทั้งใบสั่งจองจะนับเป็นยอดขายของวันนี้</translation>
    </message>
    <message>
        <source>Cancel order {number}</source>
        <translation>ยกเลิกใบสั่งจอง {number}</translation>
    </message>
    <message>
        <source>Give the deposit back ({amount})</source>
        <translation>คืนเงินมัดจำให้ลูกค้า ({amount})</translation>
    </message>
    <message>
        <source>Keep the deposit</source>
        <translation>ไม่คืนเงินมัดจำ (ร้านเก็บไว้)</translation>
    </message>
    <message>
        <source>The customer paid a deposit of {amount}.</source>
        <translation>ลูกค้าจ่ายมัดจำไว้ {amount}</translation>
    </message>
    <message>
        <source>No deposit was paid.</source>
        <translation>ไม่มีเงินมัดจำ</translation>
    </message>
    <message>
        <source>The manager&apos;s PIN is asked next.</source>
        <translation>ขั้นต่อไปต้องใส่รหัสเจ้าของร้าน</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>ยกเลิกใบสั่งจอง</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>ไม่ยกเลิก</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>ส่งมอบ</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>ใบสั่งจอง</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>ส่งมอบ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>มูลค่า</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>ค้างชำระ</translation>
    </message>
    <message>
        <source>Show delivered and cancelled too</source>
        <translation>แสดงที่ส่งมอบแล้วและยกเลิกแล้วด้วย</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>รายละเอียด…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>ยกเลิกใบสั่งจอง…</translation>
    </message>
    <message>
        <source>Deliver…</source>
        <translation>ส่งมอบ…</translation>
    </message>
    <message>
        <source>The fair is over: no new orders. Orders already taken can still be delivered or cancelled.</source>
        <translation>งานจบแล้ว รับสั่งจองใหม่ไม่ได้ ใบสั่งจองที่รับไว้แล้วยังส่งมอบหรือยกเลิกได้</translation>
    </message>
    <message>
        <source>The manager&apos;s PIN is needed to cancel order {number}.</source>
        <extracomment>The demo&apos;s customers (personal data stays at the booth: the same names in both languages&apos; screenshots).</extracomment>
        <translation>ต้องใช้รหัสเจ้าของร้านเพื่อยกเลิกใบสั่งจอง {number}</translation>
    </message>
</context>
<context>
    <name>Pay</name>
    <message>
        <source>Payment</source>
        <translation>รับชำระเงิน</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>ยอดที่ต้องชำระ</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>ค้างชำระ</translation>
    </message>
    <message>
        <source>Remove payment</source>
        <translation>ลบรายการรับเงิน</translation>
    </message>
    <message>
        <source>Back to cart (Esc)</source>
        <translation>กลับไปที่ตะกร้า (Esc)</translation>
    </message>
    <message>
        <source>Complete sale (Enter)</source>
        <translation>จบการขาย (Enter)</translation>
    </message>
    <message>
        <source>Other methods (F8)</source>
        <translation>วิธีอื่น (F8)</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>รับเงินสด</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>พอดี</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>ล้าง</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>เงินทอน</translation>
    </message>
    <message>
        <source>PromptPay to {who}</source>
        <translation>พร้อมเพย์เข้าบัญชี {who}</translation>
    </message>
    <message>
        <source>No PromptPay ID is set: no QR can be shown. Set it in Settings → Shop.</source>
        <translation>ยังไม่ได้ตั้งหมายเลขพร้อมเพย์ จึงแสดงคิวอาร์ไม่ได้ ตั้งได้ที่ ตั้งค่า → ร้าน</translation>
    </message>
    <message>
        <source>state {state} · customer {customer}</source>
        <extracomment>The methods the pay dialog has tabs for (F5, F6, F7); F8 offers the fair&apos;s others.</extracomment>
        <translation>รัฐ {state} · ลูกค้า {customer}</translation>
    </message>
    <message>
        <source>Other payment methods (F8)</source>
        <translation>วิธีชำระเงินอื่น (F8)</translation>
    </message>
    <message>
        <source>Still to pay {due}</source>
        <translation>ค้างชำระ {due}</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>State&apos;s share (the slip)</source>
        <translation>ส่วนที่รัฐจ่าย (ตามสลิป)</translation>
    </message>
    <message>
        <source>Customer&apos;s share (the slip)</source>
        <translation>ส่วนที่ลูกค้าจ่าย (ตามสลิป)</translation>
    </message>
    <message>
        <source>Slip reference (optional)</source>
        <translation>เลขอ้างอิงในสลิป (ถ้ามี)</translation>
    </message>
    <message>
        <source>Take this payment (Enter)</source>
        <translation>รับชำระส่วนนี้ (Enter)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>กลับ (Esc)</translation>
    </message>
    <message>
        <source>(state pays {percent}%)</source>
        <translation>(รัฐจ่าย {percent}%)</translation>
    </message>
    <message>
        <source>(paid by the state)</source>
        <translation>(รัฐจ่ายทั้งหมด)</translation>
    </message>
    <message>
        <source>The state pays at most {cap} a person a day: check the slip.</source>
        <translation>รัฐจ่ายไม่เกิน {cap} ต่อคนต่อวัน โปรดดูตามสลิป</translation>
    </message>
    <message>
        <source>Money received ✓</source>
        <translation>ได้รับเงินแล้ว ✓</translation>
    </message>
    <message>
        <source>Show to customer (F11)</source>
        <translation>แสดงให้ลูกค้า (F11)</translation>
    </message>
    <message>
        <source>Amount transferred</source>
        <translation>ยอดที่โอน</translation>
    </message>
    <message>
        <source>Reference (optional)</source>
        <translation>เลขอ้างอิง (ถ้ามี)</translation>
    </message>
    <message>
        <source>Transfer received ✓</source>
        <translation>ได้รับเงินโอนแล้ว ✓</translation>
    </message>
    <message>
        <source>Paid too much</source>
        <translation>รับเงินเกิน</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>ชำระครบแล้ว</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>เงินขาด</translation>
    </message>
    <message>
        <source>No payment taken yet</source>
        <translation>ยังไม่ได้รับชำระ</translation>
    </message>
    <message>
        <source>{amount} is more than the {due} still to pay: a PromptPay QR asks at most what is due.</source>
        <translation>{amount} มากกว่ายอดค้างชำระ {due} คิวอาร์พร้อมเพย์ต้องไม่เกินยอดที่ค้างชำระ</translation>
    </message>
    <message>
        <source>Remove the {method} payment of {amount}? Hand that money back to the customer.</source>
        <translation>ลบรายการรับเงิน{method} {amount} หรือไม่? ต้องคืนเงินจำนวนนี้ให้ลูกค้า</translation>
    </message>
    <message>
        <source>Unknown code {code}: no product has it.</source>
        <translation>ไม่รู้จักรหัส {code}: ไม่มีสินค้าที่ใช้รหัสนี้</translation>
    </message>
    <message>
        <source>Added {name} ({price}) to the bill.</source>
        <translation>เพิ่ม {name} ({price}) ในบิลแล้ว</translation>
    </message>
    <message>
        <source>Cash received {cash} for {due} due: give {change} change?</source>
        <translation>รับเงินสด {cash} สำหรับยอด {due} ต้องทอน {change} ใช่หรือไม่?</translation>
    </message>
    <message>
        <source>Yes, give change</source>
        <translation>ใช่ ทอนเงิน</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <source>Sell anyway</source>
        <translation>ขายเลย แม้สต็อกหมด</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>Printer</source>
        <translation>เครื่องพิมพ์</translation>
    </message>
    <message>
        <source>Other width (dots)</source>
        <translation>ความกว้างอื่น (จุด)</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>ความกว้างกระดาษ</translation>
    </message>
    <message>
        <source>empty = standard ESC/POS</source>
        <translation>เว้นว่าง = ESC/POS มาตรฐาน</translation>
    </message>
    <message>
        <source>Printer profile</source>
        <translation>รุ่นเครื่องพิมพ์ (profile)</translation>
    </message>
    <message>
        <source>Cut the paper after each receipt</source>
        <translation>ตัดกระดาษหลังพิมพ์ใบเสร็จ</translation>
    </message>
    <message>
        <source>Printer set up by hand</source>
        <translation>เครื่องพิมพ์ที่ตั้งค่าเอง</translation>
    </message>
    <message>
        <source>USB printer</source>
        <translation>เครื่องพิมพ์ USB</translation>
    </message>
    <message>
        <source>({mm} mm)</source>
        <translation>({mm} มม.)</translation>
    </message>
    <message>
        <source>USB printer: {model}</source>
        <translation>เครื่องพิมพ์ USB: {model}</translation>
    </message>
    <message>
        <source>Network printer {host}, port {port}</source>
        <translation>เครื่องพิมพ์ในเครือข่าย {host} พอร์ต {port}</translation>
    </message>
    <message>
        <source>Network printer {host}</source>
        <translation>เครื่องพิมพ์ในเครือข่าย {host}</translation>
    </message>
    <message>
        <source>Bluetooth / serial port printer: {port}</source>
        <translation>เครื่องพิมพ์บลูทูธ/พอร์ตอนุกรม: {port}</translation>
    </message>
    <message>
        <source>Bluetooth / serial port printer</source>
        <translation>เครื่องพิมพ์บลูทูธ/พอร์ตอนุกรม</translation>
    </message>
    <message>
        <source>USB printer (through the computer&apos;s printer driver)</source>
        <translation>เครื่องพิมพ์ USB (ผ่านไดรเวอร์ของเครื่อง)</translation>
    </message>
    <message>
        <source>Printer “{name}”</source>
        <translation>เครื่องพิมพ์ “{name}”</translation>
    </message>
    <message>
        <source>Find printers</source>
        <translation>ค้นหาเครื่องพิมพ์</translation>
    </message>
    <message>
        <source>Open the cash drawer for cash sales</source>
        <translation>เปิดลิ้นชักเงินเมื่อรับเงินสด</translation>
    </message>
    <message>
        <source>Advanced (for support)</source>
        <translation>ขั้นสูง (สำหรับช่างหรือผู้ดูแล)</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>ที่อยู่เครื่องพิมพ์</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>พิมพ์หน้าทดสอบ</translation>
    </message>
    <message>
        <source>Another printer (type its address under Advanced)</source>
        <translation>เครื่องพิมพ์อื่น (ใส่ที่อยู่ในส่วนขั้นสูง)</translation>
    </message>
    <message>
        <source>{n} printer(s) found.</source>
        <translation>พบเครื่องพิมพ์ {n} เครื่อง</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>ไม่ใช้เครื่องพิมพ์</translation>
    </message>
    <message>
        <source>Test printer (prints nothing)</source>
        <translation>เครื่องพิมพ์ทดลอง (ไม่พิมพ์จริง)</translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation>เลือกเครื่องพิมพ์ก่อน</translation>
    </message>
    <message>
        <source>Printing the test page…</source>
        <translation>กำลังพิมพ์หน้าทดสอบ…</translation>
    </message>
    <message>
        <source>Test page sent. Check the paper: Thai text, both edge marks and a QR code must print.</source>
        <translation>ส่งหน้าทดสอบแล้ว ตรวจดูกระดาษ: ต้องเห็นภาษาไทย ขีดขอบทั้งสองข้าง และคิวอาร์โค้ด</translation>
    </message>
</context>
<context>
    <name>Products</name>
    <message>
        <source>Search: name, SKU or barcode</source>
        <translation>ค้นหา: ชื่อสินค้า รหัสสินค้า หรือบาร์โค้ด</translation>
    </message>
    <message>
        <source>EAN-13, e.g. 885…</source>
        <translation>EAN-13 เช่น 885…</translation>
    </message>
    <message>
        <source>empty = not counted</source>
        <translation>เว้นว่าง = ไม่นับสต็อก</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>สินค้าหมด</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อสินค้า</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Price (baht)</source>
        <translation>ราคา (บาท)</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>บาร์โค้ด</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>คงเหลือ</translation>
    </message>
    <message>
        <source>Quick-key position</source>
        <translation>ลำดับปุ่ม</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>เพิ่มสินค้าใหม่</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>▲ Move up</source>
        <translation>▲ เลื่อนขึ้น</translation>
    </message>
    <message>
        <source>▼ Move down</source>
        <translation>▼ เลื่อนลง</translation>
    </message>
    <message>
        <source>Sold out / back in sale</source>
        <translation>หมด / กลับมาขาย</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>บันทึก “{name}” แล้ว</translation>
    </message>
    <message>
        <source>“{name}” is back in sale.</source>
        <translation>“{name}” กลับมาขายแล้ว</translation>
    </message>
    <message>
        <source>“{name}” is marked sold out.</source>
        <translation>ตั้ง “{name}” เป็นสินค้าหมดแล้ว</translation>
    </message>
    <message>
        <source>Moved “{name}”.</source>
        <translation>ย้ายลำดับ “{name}” แล้ว</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <source>#</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อสินค้า</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>บาร์โค้ด</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>คงเหลือ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>ซ่อน</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>หมด</translation>
    </message>
    <message>
        <source>For sale</source>
        <translation>วางขาย</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <source>A scan cannot be used in this window: barcode {code} was not typed in and nothing changed. Scan products on the Sell screen.</source>
        <translation>ใช้การยิงบาร์โค้ดในหน้าต่างนี้ไม่ได้: บาร์โค้ด {code} ไม่ได้ถูกใส่ลงในช่องใด และไม่มีอะไรเปลี่ยนแปลง ยิงสินค้าได้ที่หน้าขาย</translation>
    </message>
    <message>
        <source>Barcode scanner</source>
        <translation>เครื่องยิงบาร์โค้ด</translation>
    </message>
</context>
<context>
    <name>Sell</name>
    <message>
        <source>Sold out</source>
        <translation>หมด</translation>
    </message>
    <message>
        <source>Left: {n}</source>
        <translation>เหลือ {n}</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 ชิ้น</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} ชิ้น</translation>
    </message>
    <message>
        <source>paid {amount} already</source>
        <translation>รับเงินแล้ว {amount}</translation>
    </message>
    <message>
        <source>Held bills</source>
        <translation>บิลที่พักไว้</translation>
    </message>
    <message>
        <source>Enter brings back the selected bill; the cart on screen, if it has anything, is held in its place.</source>
        <translation>กด Enter เพื่อเรียกบิลที่เลือกกลับมา ถ้าตะกร้าตอนนี้มีสินค้า จะถูกพักไว้แทน</translation>
    </message>
    <message>
        <source>Name or note for the selected bill</source>
        <translation>ชื่อหรือหมายเหตุของบิลที่เลือก</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>บันทึกชื่อ</translation>
    </message>
    <message>
        <source>Bring back (Enter)</source>
        <translation>เรียกคืน (Enter)</translation>
    </message>
    <message>
        <source>{n} bill(s) are not finished (held or still in the cart). They are kept and come back when the app starts again.</source>
        <translation>มีบิลที่ยังไม่เสร็จ {n} บิล (พักไว้หรือยังอยู่ในตะกร้า) ระบบเก็บไว้ และจะกลับมาเมื่อเปิดโปรแกรมอีกครั้ง</translation>
    </message>
    <message>
        <source>Money already taken on them (not yet in any sale):</source>
        <translation>เงินที่รับไว้แล้วในบิลเหล่านี้ (ยังไม่นับเป็นยอดขาย):</translation>
    </message>
    <message>
        <source>Search name, SKU or barcode (F2)</source>
        <translation>ค้นหาชื่อ รหัส หรือบาร์โค้ด (F2)</translation>
    </message>
    <message>
        <source>The sales day is not open yet: open it with the cash float before selling.</source>
        <translation>ยังไม่ได้เปิดวันขาย กรุณาเปิดวันพร้อมใส่เงินทอนตั้งต้นก่อนขาย</translation>
    </message>
    <message>
        <source>Open day</source>
        <translation>เปิดวันขาย</translation>
    </message>
    <message>
        <source>All</source>
        <translation>ทั้งหมด</translation>
    </message>
    <message>
        <source>Several products match: tap one, or keep typing.</source>
        <translation>มีสินค้าตรงหลายรายการ แตะเลือก หรือพิมพ์ต่อ</translation>
    </message>
    <message>
        <source>“{name}” is marked sold out.</source>
        <translation>“{name}” ตั้งไว้ว่าสินค้าหมด</translation>
    </message>
    <message>
        <source>Barcode {code} is not valid (misread?). Scan it again.</source>
        <translation>บาร์โค้ด {code} ไม่ถูกต้อง (อาจอ่านผิด) สแกนใหม่อีกครั้ง</translation>
    </message>
    <message>
        <source>Unknown code {code}: no product has it.</source>
        <translation>ไม่พบสินค้ารหัส {code}</translation>
    </message>
    <message>
        <source>Open the sales day first.</source>
        <translation>เปิดวันขายก่อน</translation>
    </message>
    <message>
        <source>No bill is held.</source>
        <translation>ไม่มีบิลที่พักไว้</translation>
    </message>
    <message>
        <source>Saved {number} · {total}</source>
        <translation>บันทึกบิล {number} แล้ว · {total}</translation>
    </message>
    <message>
        <source>Scan or tap the next product to start the next sale.</source>
        <translation>ยิงบาร์โค้ดหรือแตะสินค้าเพื่อเริ่มบิลถัดไป</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>เงินทอน</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>ไม่มีเงินทอน</translation>
    </message>
    <message>
        <source>Sale {number} · total {total} · received {paid}</source>
        <translation>บิล {number} · ยอด {total} · รับเงิน {paid}</translation>
    </message>
    <message>
        <source>Close the app anyway?</source>
        <translation>ปิดโปรแกรมเลยหรือไม่?</translation>
    </message>
    <message>
        <source>Close the app</source>
        <translation>ปิดโปรแกรม</translation>
    </message>
    <message>
        <source>Code {code}</source>
        <translation>รหัส {code}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Shop</source>
        <translation>ร้าน</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>ใบเสร็จ</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>เครื่องพิมพ์</translation>
    </message>
    <message>
        <source>PIN and backup</source>
        <translation>รหัสและสำรองข้อมูล</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>บันทึกการตั้งค่า</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>บูธ</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>ชื่อร้าน</translation>
    </message>
    <message>
        <source>13 digits (optional)</source>
        <translation>13 หลัก (ถ้ามี)</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>เลขประจำตัวผู้เสียภาษี</translation>
    </message>
    <message>
        <source>VAT registered (abbreviated tax invoice)</source>
        <translation>จดทะเบียนภาษีมูลค่าเพิ่ม (ออกใบกำกับภาษีอย่างย่อ)</translation>
    </message>
    <message>
        <source>Mobile 08x-xxx-xxxx or 13-digit ID</source>
        <translation>เบอร์มือถือ 08x-xxx-xxxx หรือเลข 13 หลัก</translation>
    </message>
    <message>
        <source>PromptPay ID</source>
        <translation>หมายเลขพร้อมเพย์</translation>
    </message>
    <message>
        <source>PromptPay account name</source>
        <translation>ชื่อบัญชีพร้อมเพย์</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <source>Seller name</source>
        <translation>ชื่อผู้ขาย</translation>
    </message>
    <message>
        <source>Largest discount without the manager&apos;s PIN (%)</source>
        <translation>ส่วนลดสูงสุดที่ไม่ต้องใช้รหัสเจ้าของร้าน (%)</translation>
    </message>
    <message>
        <source>Receipt header</source>
        <translation>ข้อความหัวใบเสร็จ</translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation>ข้อความท้ายใบเสร็จ</translation>
    </message>
    <message>
        <source>Receipt language</source>
        <translation>ภาษาของใบเสร็จ</translation>
    </message>
    <message>
        <source>Print a QR code with the receipt number</source>
        <translation>พิมพ์คิวอาร์โค้ดเลขที่ใบเสร็จ</translation>
    </message>
    <message>
        <source>Your shop online: a QR of one link on every receipt (LINE first, else the shop, else Facebook)</source>
        <translation>ร้านของคุณทางออนไลน์: พิมพ์ QR ของลิงก์หนึ่งลิงก์บนใบเสร็จทุกใบ (LINE ก่อน ถ้าไม่มีใช้ร้านออนไลน์ แล้วจึงเป็น Facebook)</translation>
    </message>
    <message>
        <source>@abc or a line.me link (optional)</source>
        <translation>@abc หรือลิงก์ line.me (ไม่บังคับ)</translation>
    </message>
    <message>
        <source>LINE official account</source>
        <translation>บัญชี LINE ทางการของร้าน</translation>
    </message>
    <message>
        <source>https://… (optional)</source>
        <translation>https://… (ไม่บังคับ)</translation>
    </message>
    <message>
        <source>Online shop</source>
        <translation>ร้านค้าออนไลน์</translation>
    </message>
    <message>
        <source>facebook.com/… (optional)</source>
        <translation>facebook.com/… (ไม่บังคับ)</translation>
    </message>
    <message>
        <source>Facebook page</source>
        <translation>เพจ Facebook</translation>
    </message>
    <message>
        <source>Change the manager PIN</source>
        <translation>เปลี่ยนรหัสเจ้าของร้าน</translation>
    </message>
    <message>
        <source>4–8 digits</source>
        <translation>ตัวเลข 4–8 หลัก</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>รหัสเดิม</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>รหัสใหม่</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>รหัสใหม่อีกครั้ง</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>เปลี่ยนรหัส</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>สำรองข้อมูล</translation>
    </message>
    <message>
        <source>e.g. a USB stick</source>
        <translation>เช่น แฟลชไดรฟ์</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>โฟลเดอร์สำรองข้อมูล</translation>
    </message>
    <message>
        <source>Back up every (minutes)</source>
        <translation>สำรองทุก (นาที)</translation>
    </message>
    <message>
        <source>Keep the last (copies)</source>
        <translation>เก็บไว้ล่าสุด (ชุด)</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>สำรองข้อมูลเดี๋ยวนี้</translation>
    </message>
    <message>
        <source>Without a PromptPay ID no QR can be shown.</source>
        <translation>ถ้าไม่มีหมายเลขพร้อมเพย์ จะแสดงคิวอาร์ให้ลูกค้าสแกนไม่ได้</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>บันทึกการตั้งค่าแล้ว</translation>
    </message>
    <message>
        <source>The manager PIN was changed.</source>
        <translation>เปลี่ยนรหัสเจ้าของร้านแล้ว</translation>
    </message>
    <message>
        <source>Save the settings first.</source>
        <translation>กดบันทึกการตั้งค่าก่อน</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>กำลังสำรองข้อมูล…</translation>
    </message>
    <message>
        <source>Backed up at {time}: {path}</source>
        <translation>สำรองข้อมูลแล้วเมื่อ {time}: {path}</translation>
    </message>
    <message>
        <source>Booth {booth} · till {till} · vendor {vendor}</source>
        <translation>บูธ {booth} · เครื่อง {till} · ผู้ประกอบการ {vendor}</translation>
    </message>
</context>
</TS>
