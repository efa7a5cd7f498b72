package org.ippc.cpm.query.papers;

import java.util.List;

/** The parts a paper is made of, the same for its PDF and its DOCX. */
public sealed interface PaperBlock {

    record Heading(String text) implements PaperBlock {}

    /** {@code note}: a line in a smaller hand, such as the label of a text shown in its original language. */
    record Paragraph(String text, boolean note) implements PaperBlock {}

    /** An address, laid out left to right on a line of its own in every language. */
    record Link(String url) implements PaperBlock {}

    record Table(List<String> header, List<List<String>> rows) implements PaperBlock {}
}
