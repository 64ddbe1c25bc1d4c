using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Writes a one-sheet XLSX of text cells: the smallest valid SpreadsheetML package (content types,
/// relationships, workbook, styles, sheet), with inline strings so no shared-string table is needed.
/// Columns can be formatted as Text, which is what stops Excel from turning +14155550123 into a number.
/// The template uses it, and so does the ingestion benchmark for its million-row workbooks.
/// </summary>
public static class SimpleXlsxWriter
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    // Indexes into cellXfs of styles.xml below.
    private const int BoldStyle = 1;
    private const int TextStyle = 2;
    private const int BoldTextStyle = 3;

    /// <param name="rows">The first row is the header, written bold. Streamed: rows are written as they are enumerated.</param>
    /// <param name="columnCount">Columns of the sheet, for their widths and formats.</param>
    /// <param name="textColumns">0-based columns formatted as Text (Excel's "@"), empty cells below the rows included.</param>
    public static void Write(Stream output, string sheetName, IEnumerable<IReadOnlyList<string>> rows, int columnCount, IReadOnlySet<int> textColumns)
    {
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", new XElement(ContentTypes + "Types",
                new XElement(ContentTypes + "Default", new XAttribute("Extension", "rels"), new XAttribute("ContentType", "application/vnd.openxmlformats-package.relationships+xml")),
                new XElement(ContentTypes + "Default", new XAttribute("Extension", "xml"), new XAttribute("ContentType", "application/xml")),
                Override("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                Override("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
                Override("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")));
            Add(zip, "_rels/.rels", new XElement(PackageRelationships + "Relationships",
                Relationship("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")));
            Add(zip, "xl/workbook.xml", new XElement(Main + "workbook",
                new XAttribute(XNamespace.Xmlns + "r", Relationships),
                new XElement(Main + "sheets",
                    new XElement(Main + "sheet", new XAttribute("name", sheetName), new XAttribute("sheetId", 1), new XAttribute(Relationships + "id", "rId1")))));
            Add(zip, "xl/_rels/workbook.xml.rels", new XElement(PackageRelationships + "Relationships",
                Relationship("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"),
                Relationship("rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")));
            Add(zip, "xl/styles.xml", Styles());
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            WriteSheet(sheet, rows, columnCount, textColumns);
        }
    }

    /// <summary>Written with an XmlWriter, row by row, so a sheet of any length takes no more memory than one row.</summary>
    private static void WriteSheet(Stream part, IEnumerable<IReadOnlyList<string>> rows, int columnCount, IReadOnlySet<int> textColumns)
    {
        using var xml = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", Main.NamespaceName);
        if (columnCount > 0)
        {
            xml.WriteStartElement("cols", Main.NamespaceName);
            for (var c = 0; c < columnCount; c++)
            {
                xml.WriteStartElement("col", Main.NamespaceName);
                xml.WriteAttributeString("min", Number(c + 1));
                xml.WriteAttributeString("max", Number(c + 1));
                xml.WriteAttributeString("width", "22");
                xml.WriteAttributeString("customWidth", "1");
                if (textColumns.Contains(c))
                {
                    xml.WriteAttributeString("style", Number(TextStyle));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("sheetData", Main.NamespaceName);
        var r = 0;
        foreach (var row in rows)
        {
            xml.WriteStartElement("row", Main.NamespaceName);
            xml.WriteAttributeString("r", Number(r + 1));
            for (var c = 0; c < row.Count; c++)
            {
                var style = (r == 0, textColumns.Contains(c)) switch { (true, true) => BoldTextStyle, (true, false) => BoldStyle, (false, true) => TextStyle, _ => 0 };
                xml.WriteStartElement("c", Main.NamespaceName);
                xml.WriteAttributeString("r", CellReference(c, r));
                xml.WriteAttributeString("s", Number(style));
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", Main.NamespaceName);
                xml.WriteElementString("t", Main.NamespaceName, row[c]);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            r++;
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Fonts: regular, bold. Cell formats: default, bold, Text (number format 49 is "@"), bold Text.</summary>
    private static XElement Styles()
    {
        XElement Font(bool bold) => new(Main + "font", bold ? new XElement(Main + "b") : null,
            new XElement(Main + "sz", new XAttribute("val", 11)), new XElement(Main + "name", new XAttribute("val", "Calibri")));
        XElement Format(int font, int numberFormat) => new(Main + "xf",
            new XAttribute("numFmtId", numberFormat), new XAttribute("fontId", font), new XAttribute("fillId", 0), new XAttribute("borderId", 0), new XAttribute("xfId", 0),
            font == 0 ? null : new XAttribute("applyFont", 1), numberFormat == 0 ? null : new XAttribute("applyNumberFormat", 1));
        return new XElement(Main + "styleSheet",
            new XElement(Main + "fonts", new XAttribute("count", 2), Font(bold: false), Font(bold: true)),
            new XElement(Main + "fills", new XAttribute("count", 2),
                new XElement(Main + "fill", new XElement(Main + "patternFill", new XAttribute("patternType", "none"))),
                new XElement(Main + "fill", new XElement(Main + "patternFill", new XAttribute("patternType", "gray125")))),
            new XElement(Main + "borders", new XAttribute("count", 1),
                new XElement(Main + "border", new XElement(Main + "left"), new XElement(Main + "right"), new XElement(Main + "top"), new XElement(Main + "bottom"), new XElement(Main + "diagonal"))),
            new XElement(Main + "cellStyleXfs", new XAttribute("count", 1),
                new XElement(Main + "xf", new XAttribute("numFmtId", 0), new XAttribute("fontId", 0), new XAttribute("fillId", 0), new XAttribute("borderId", 0))),
            new XElement(Main + "cellXfs", new XAttribute("count", 4), Format(0, 0), Format(1, 0), Format(0, 49), Format(1, 49)),
            new XElement(Main + "cellStyles", new XAttribute("count", 1),
                new XElement(Main + "cellStyle", new XAttribute("name", "Normal"), new XAttribute("xfId", 0), new XAttribute("builtinId", 0))));
    }

    private static string CellReference(int column, int row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + (row + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static XElement Override(string part, string contentType) =>
        new(ContentTypes + "Override", new XAttribute("PartName", part), new XAttribute("ContentType", contentType));

    private static XElement Relationship(string id, string type, string target) =>
        new(PackageRelationships + "Relationship", new XAttribute("Id", id), new XAttribute("Type", type), new XAttribute("Target", target));

    private static void Add(ZipArchive zip, string name, XElement root)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), root).Save(part);
    }
}
