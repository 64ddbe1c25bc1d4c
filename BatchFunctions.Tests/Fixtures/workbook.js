// Writes and reads spreadsheets with real producers, for the ingestion tests:
//   node workbook.js write SPEC.json OUT   SPEC: { writer: "sheetjs" | "exceljs", bookType: "xlsx" | "xls",
//                                                 sheets: [{ name, hidden, rows: [[cell, ...], ...] }] }
//   node workbook.js read FILE             prints { sheets: [{ name, rows: [[{ t, v, z }]] }] } as SheetJS reads FILE
// A cell is a JSON value (string, number, boolean, null for empty) or { t: "s" | "n" | "b" | "d" | "e", v, z }
// where z is a number format and a "d" value is an ISO date, written as Excel stores dates (a serial number).
"use strict";
const fs = require("fs");
const XLSX = require("xlsx");
// exceljs loads slowly; only the tests that use it pay for it.
const excelJs = () => require("exceljs");

const excelEpoch = Date.UTC(1899, 11, 30);
const serial = (iso) => (Date.parse(iso.endsWith("Z") ? iso : iso + "Z") - excelEpoch) / 86400000;
const spec = (cell) => (cell !== null && typeof cell === "object" ? cell : { v: cell });

function sheetJsCell(cell) {
  const { t, v, z } = spec(cell);
  if (v === null || v === undefined) return null;
  if (t === "d") return { t: "n", v: serial(v), z: z || "yyyy-mm-dd" };
  if (t === "e") return { t: "e", v: v };
  const type = t || (typeof v === "number" ? "n" : typeof v === "boolean" ? "b" : "s");
  return z ? { t: type, v, z } : { t: type, v };
}

function writeSheetJs(workbook, out) {
  const book = XLSX.utils.book_new();
  for (const sheet of workbook.sheets) {
    const ws = {};
    let maxColumn = 0;
    sheet.rows.forEach((row, r) => row.forEach((cell, c) => {
      const value = sheetJsCell(cell);
      if (value) { ws[XLSX.utils.encode_cell({ r, c })] = value; maxColumn = Math.max(maxColumn, c); }
    }));
    ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, sheet.rows.length - 1), c: maxColumn } });
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  }
  book.Workbook = { Sheets: workbook.sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) };
  XLSX.writeFile(book, out, { bookType: workbook.bookType === "xls" ? "biff8" : "xlsx", cellStyles: true });
}

async function writeExcelJs(workbook, out) {
  const book = new (excelJs().Workbook)();
  for (const sheet of workbook.sheets) {
    const ws = book.addWorksheet(sheet.name, { state: sheet.hidden ? "hidden" : "visible" });
    sheet.rows.forEach((row, r) => row.forEach((cell, c) => {
      const { t, v, z } = spec(cell);
      if (v === null || v === undefined) return;
      const target = ws.getCell(r + 1, c + 1);
      target.value = t === "d" ? new Date(v.endsWith("Z") ? v : v + "Z") : v;
      if (z) target.numFmt = z;
      else if (t === "d") target.numFmt = "yyyy-mm-dd";
    }));
  }
  await book.xlsx.writeFile(out);
}

function read(file) {
  const book = XLSX.readFile(file, { cellNF: true });
  return {
    sheets: book.SheetNames.map((name) => {
      const ws = book.Sheets[name];
      const range = XLSX.utils.decode_range(ws["!ref"] || "A1:A1");
      const rows = [];
      for (let r = range.s.r; r <= range.e.r; r++) {
        const row = [];
        for (let c = range.s.c; c <= range.e.c; c++) {
          const cell = ws[XLSX.utils.encode_cell({ r, c })];
          row.push(cell ? { t: cell.t, v: cell.v, z: cell.z ?? null } : null);
        }
        rows.push(row);
      }
      return { name, rows };
    }),
  };
}

(async () => {
  const [command, a, b] = process.argv.slice(2);
  if (command === "write") {
    const workbook = JSON.parse(fs.readFileSync(a, "utf8"));
    if (workbook.writer === "exceljs") await writeExcelJs(workbook, b);
    else writeSheetJs(workbook, b);
  } else if (command === "read") {
    process.stdout.write(JSON.stringify(read(a)));
  } else {
    console.error("usage: node workbook.js write SPEC.json OUT | read FILE");
    process.exit(2);
  }
})().catch((e) => { console.error(e); process.exit(1); });
