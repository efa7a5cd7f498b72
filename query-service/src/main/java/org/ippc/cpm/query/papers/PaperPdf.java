package org.ippc.cpm.query.papers;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** A paper as PDF for publication: laid out from escaped XHTML by openhtmltopdf, Arabic right to left (ICU4J). */
final class PaperPdf {

    private PaperPdf() {}

    static byte[] render(Paper paper) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
        builder.defaultTextDirection(
                paper.rightToLeft() ? BaseRendererBuilder.TextDirection.RTL : BaseRendererBuilder.TextDirection.LTR);
        for (PaperFonts font : PaperFonts.all()) {
            builder.useFont(
                    () -> new ByteArrayInputStream(font.regular()),
                    font.family,
                    400,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useFont(
                    () -> new ByteArrayInputStream(font.bold()),
                    font.family,
                    700,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
        }
        builder.withProducer("cpm-engine");
        builder.withHtmlContent(html(paper), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String html(Paper paper) {
        StringBuilder html = new StringBuilder();
        String language = paper.language().name().toLowerCase(java.util.Locale.ROOT);
        html.append("<html lang=\"")
                .append(language)
                .append("\" dir=\"")
                .append(paper.rightToLeft() ? "rtl" : "ltr")
                .append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(escape(paper.title()))
                .append("</title><style>")
                .append("@page { size: A4; margin: 20mm 18mm; }")
                .append("body { font-family: ")
                .append(PaperFonts.FAMILIES)
                .append("; font-size: 10.5pt; }")
                .append("h1 { font-size: 16pt; margin: 0 0 4pt 0; } h2 { font-size: 12.5pt; margin: 14pt 0 4pt 0; }")
                .append(".commission { font-size: 11pt; } .note { font-size: 8.5pt; color: #444; }")
                .append(".link { font-size: 9pt; text-align: left; }")
                .append("table { width: 100%; border-collapse: collapse; margin: 4pt 0; }")
                .append("th, td { border: 0.5pt solid #888; padding: 3pt; vertical-align: top; text-align: start; }")
                .append("th { background: #eee; } .provenance { margin-top: 18pt; font-size: 8pt; color: #444; }")
                .append("</style></head><body>");
        html.append("<p class=\"commission\">")
                .append(escape(paper.commission()))
                .append("<br/>")
                .append(escape(paper.session()))
                .append("</p>");
        html.append("<h1>").append(escape(paper.title())).append("</h1>");
        for (PaperBlock block : paper.blocks()) {
            if (block instanceof PaperBlock.Heading heading) {
                html.append("<h2>").append(escape(heading.text())).append("</h2>");
            } else if (block instanceof PaperBlock.Paragraph paragraph) {
                html.append(paragraph.note() ? "<p class=\"note\">" : "<p>")
                        .append(escape(paragraph.text()))
                        .append("</p>");
            } else if (block instanceof PaperBlock.Link link) {
                html.append("<p class=\"link\" dir=\"ltr\">")
                        .append(escape(link.url()))
                        .append("</p>");
            } else if (block instanceof PaperBlock.Table table) {
                table(html, table);
            }
        }
        html.append("<p class=\"provenance\">")
                .append(escape(paper.provenance()))
                .append("</p>");
        return html.append("</body></html>").toString();
    }

    private static void table(StringBuilder html, PaperBlock.Table table) {
        html.append("<table><thead><tr>");
        table.header().forEach(cell -> html.append("<th>").append(escape(cell)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    /** Text of the record is data: escaped, never markup (no script, no links of its own). */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
