package org.ippc.cpm.query.papers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

/** A paper as DOCX (Apache POI) for the Secretariat to edit: the same blocks, right to left in Arabic. */
final class PaperDocx {

    private PaperDocx() {}

    static byte[] render(Paper paper) {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(paper.title());
            document.getProperties().getCoreProperties().setCreator("cpm-engine");
            String font = switch (paper.language()) {
                case AR -> PaperFonts.ARABIC.family;
                case ZH -> PaperFonts.CHINESE.family;
                default -> PaperFonts.LATIN.family;
            };
            Writer writer = new Writer(document, paper.rightToLeft(), font);
            writer.paragraph(paper.commission(), 11, false, false);
            writer.paragraph(paper.session(), 11, false, false);
            writer.paragraph(paper.title(), 16, true, false);
            for (PaperBlock block : paper.blocks()) {
                if (block instanceof PaperBlock.Heading heading) {
                    writer.paragraph(heading.text(), 12.5, true, false);
                } else if (block instanceof PaperBlock.Paragraph paragraph) {
                    writer.paragraph(paragraph.text(), paragraph.note() ? 8.5 : 10.5, false, paragraph.note());
                } else if (block instanceof PaperBlock.Link link) {
                    writer.link(link.url());
                } else if (block instanceof PaperBlock.Table table) {
                    writer.table(table);
                }
            }
            writer.paragraph(paper.provenance(), 8, false, true);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Writer(XWPFDocument document, boolean rightToLeft, String font) {

        void paragraph(String text, double size, boolean bold, boolean grey) {
            XWPFParagraph paragraph = document.createParagraph();
            direction(paragraph);
            run(paragraph, text, size, bold, grey);
        }

        void link(String url) {
            XWPFParagraph paragraph = document.createParagraph();
            XWPFRun run = paragraph.createRun();
            run.setText(url);
            run.setFontFamily(PaperFonts.LATIN.family);
            run.setFontSize(9);
        }

        void table(PaperBlock.Table table) {
            XWPFTable grid =
                    document.createTable(table.rows().size() + 1, table.header().size());
            if (rightToLeft) {
                grid.getCTTbl().getTblPr().addNewBidiVisual();
            }
            fill(grid.getRow(0), table.header(), true);
            for (int i = 0; i < table.rows().size(); i++) {
                fill(grid.getRow(i + 1), table.rows().get(i), false);
            }
            document.createParagraph();
        }

        private void fill(XWPFTableRow row, List<String> cells, boolean bold) {
            for (int i = 0; i < cells.size(); i++) {
                XWPFParagraph paragraph = row.getCell(i).getParagraphs().get(0);
                direction(paragraph);
                run(paragraph, cells.get(i), 10, bold, false);
            }
        }

        private void direction(XWPFParagraph paragraph) {
            if (rightToLeft) {
                CTPPr properties = paragraph.getCTP().isSetPPr()
                        ? paragraph.getCTP().getPPr()
                        : paragraph.getCTP().addNewPPr();
                properties.addNewBidi();
            }
        }

        private void run(XWPFParagraph paragraph, String text, double size, boolean bold, boolean grey) {
            XWPFRun run = paragraph.createRun();
            run.setText(text);
            run.setFontFamily(font);
            run.setFontSize(size);
            run.setBold(bold);
            if (grey) {
                run.setColor("444444");
            }
            if (rightToLeft) {
                CTRPr properties = run.getCTR().isSetRPr()
                        ? run.getCTR().getRPr()
                        : run.getCTR().addNewRPr();
                properties.addNewRtl();
            }
        }
    }
}
