using System.Globalization;
using System.Security;

namespace ExpertSupport.Application.Files.Xlsx;

/// <summary>
/// The small, fixed parts of a SpreadsheetML package (ECMA-376): content types, relationships, styles, workbook and
/// document properties. Only the worksheet is streamed; these are written whole.
/// </summary>
internal static class XlsxParts
{
    public const string Declaration = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + "\r\n";
    public const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Style indexes into cellXfs below.</summary>
    public const int HeaderStyle = 1, IntegerStyle = 2, YenStyle = 3, DateStyle = 4, DateTimeStyle = 5;

    public const string ContentTypes = Declaration +
        """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""" +
        """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>""" +
        """<Default Extension="xml" ContentType="application/xml"/>""" +
        """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""" +
        """<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""" +
        """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""" +
        """<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>""" +
        """<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>""" +
        "</Types>";

    public const string PackageRels = Declaration +
        """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>""" +
        """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>""" +
        """<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>""" +
        "</Relationships>";

    public const string WorkbookRels = Declaration +
        """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>""" +
        """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""" +
        "</Relationships>";

    public const string App = Declaration +
        """<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">""" +
        "<Application>ExpertSupport</Application></Properties>";

    // The yen format quotes ¥ so it is a literal in every locale; #,##0 is built-in format 3.
    public const string Styles = Declaration +
        $"""<styleSheet xmlns="{MainNs}">""" +
        """<numFmts count="3"><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0"/>""" +
        """<numFmt numFmtId="165" formatCode="yyyy/mm/dd"/><numFmt numFmtId="166" formatCode="yyyy/mm/dd hh:mm"/></numFmts>""" +
        """<fonts count="2"><font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font>""" +
        """<font><b/><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font></fonts>""" +
        """<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>""" +
        """<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>""" +
        """<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>""" +
        """<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>""" +
        """<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>""" +
        """<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>""" +
        """<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>""" +
        """<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>""" +
        """<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>""" +
        """<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>""" +
        "</styleSheet>";

    public static string Workbook(string sheetName, string? filterRange)
    {
        var quoted = "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
        var names = filterRange is null ? "" :
            $"""<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{Escape(quoted)}!{filterRange}</definedName></definedNames>""";
        return Declaration +
            $"""<workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><bookViews><workbookView/></bookViews>""" +
            $"""<sheets><sheet name="{Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets>{names}</workbook>""";
    }

    public static string Core(string? title, DateTimeOffset? created)
    {
        var when = created?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return Declaration +
            """<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" """ +
            """xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" """ +
            """xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">""" +
            (title is null ? "" : $"<dc:title>{Escape(title)}</dc:title>") +
            "<dc:creator>ExpertSupport</dc:creator>" +
            (when is null ? "" :
                $"""<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>""") +
            "</cp:coreProperties>";
    }

    public static string Escape(string text) => SecurityElement.Escape(text);

    /// <summary>A, B, … Z, AA, … for a 0-based column index.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
