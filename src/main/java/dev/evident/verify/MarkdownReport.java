package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A Markdown report as the blocks claims are read from: paragraphs (list items included), headings
 * and table rows, each with its report lines and the headings it is under. Code blocks, HTML blocks
 * and block quotes (quoted command output) are left out unless asked for; then a code block's lines
 * are read as paragraphs of their own.
 *
 * @param blocks paragraphs and headings in report order
 * @param tables tables in report order
 */
record MarkdownReport(List<TextBlock> blocks, List<TableBlock> tables) {

  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();

  MarkdownReport {
    blocks = List.copyOf(blocks);
    tables = List.copyOf(tables);
  }

  /**
   * Parses a report.
   *
   * @param markdown the report's text
   * @param includeQuoted whether code blocks and block quotes are read too
   */
  static MarkdownReport parse(String markdown, boolean includeQuoted) {
    Walker walker = new Walker(includeQuoted);
    Node document = PARSER.parse(markdown);
    walker.title = title(document);
    walker.visitChildren(document);
    return new MarkdownReport(walker.blocks, walker.tables);
  }

  /**
   * The report's title: its first heading when no other heading is as high and sections follow ("##
   * Cart service: weekly report" over "###" sections), read like a level-1 heading: it names the
   * report, not the subject of its lines.
   */
  private static Heading title(Node document) {
    Heading first = null;
    int top = 7;
    int atTop = 0;
    int headings = 0;
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        headings++;
        first = first == null ? h : first;
        if (h.getLevel() < top) {
          top = h.getLevel();
          atTop = 1;
        } else if (h.getLevel() == top) {
          atTop++;
        }
      }
    }
    boolean others = first != null && headings > 1;
    return others && first.getLevel() == top && atTop == 1 ? first : null;
  }

  private static final class Walker {
    private Heading title;
    private final boolean includeQuoted;
    private final List<TextBlock> blocks = new ArrayList<>();
    private final List<TableBlock> tables = new ArrayList<>();
    private final String[] headings = new String[7];

    Walker(boolean includeQuoted) {
      this.includeQuoted = includeQuoted;
    }

    void visitChildren(Node parent) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        visit(n);
      }
    }

    private void visit(Node node) {
      switch (node) {
        case Heading h -> heading(h);
        case Paragraph p -> paragraph(p);
        case org.commonmark.ext.gfm.tables.TableBlock t -> table(t);
        case FencedCodeBlock f -> code(f.getLiteral(), firstLine(f) + 1);
        case IndentedCodeBlock c -> code(c.getLiteral(), firstLine(c));
        case BlockQuote q -> {
          if (includeQuoted || chat(q)) {
            visitChildren(q);
          }
        }
        case HtmlBlock ignored -> {}
        default -> visitChildren(node);
      }
    }

    /** A quoted chat message ("> **Tom** 9:33 AM"): a reply in a pasted thread, read. */
    private static boolean chat(BlockQuote q) {
      if (!(q.getFirstChild() instanceof Paragraph p)) {
        return false;
      }
      Inline first = Inline.of(p);
      return ChatLines.opensMessage(first.text(), first.lines());
    }

    private void heading(Heading h) {
      Inline text = Inline.of(h);
      int level = h.getLevel();
      if (level >= 2 && h != title) {
        headings[level] = text.text();
        for (int i = level + 1; i < headings.length; i++) {
          headings[i] = null;
        }
      }
      blocks.add(new TextBlock(TextBlock.Kind.HEADING, text.text(), text.lines(), section(), null));
    }

    private void paragraph(Paragraph p) {
      Inline text = Inline.of(p);
      String s = text.text();
      Boolean task = null;
      int cut = 0;
      if (p.getParent() instanceof org.commonmark.node.ListItem && p.getPrevious() == null) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("^\\[([ xX])\\]\\s+").matcher(s);
        if (m.find()) {
          task = !m.group(1).equals(" ");
          cut = m.end();
        }
      }
      int[] lines = java.util.Arrays.copyOfRange(text.lines(), cut, text.lines().length);
      blocks.add(new TextBlock(TextBlock.Kind.PARAGRAPH, s.substring(cut), lines, section(), task));
    }

    private void code(String literal, int startLine) {
      if (!includeQuoted) {
        return;
      }
      String[] lines = literal.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          int[] at = new int[lines[i].length()];
          java.util.Arrays.fill(at, startLine + i);
          blocks.add(new TextBlock(TextBlock.Kind.CODE, lines[i], at, section(), null));
        }
      }
    }

    private void table(org.commonmark.ext.gfm.tables.TableBlock t) {
      List<String> header = new ArrayList<>();
      List<TableBlock.Row> rows = new ArrayList<>();
      for (Node part = t.getFirstChild(); part != null; part = part.getNext()) {
        for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
          if (!(row instanceof TableRow)) {
            continue;
          }
          List<String> cells = new ArrayList<>();
          for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            if (cell instanceof TableCell) {
              cells.add(Inline.of(cell).text().strip());
            }
          }
          if (part instanceof TableHead) {
            header.addAll(cells);
          } else if (part instanceof TableBody) {
            rows.add(new TableBlock.Row(cells, firstLine(row)));
          }
        }
      }
      tables.add(new TableBlock(header, rows, section()));
    }

    private Section section() {
      List<String> path = new ArrayList<>();
      for (String h : headings) {
        if (h != null) {
          path.add(h);
        }
      }
      return new Section(path);
    }
  }

  /** The 1-based line a node starts on, or 1 when the parser gave no position. */
  static int firstLine(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
  }

  /** The plain text of a block's inline content, with the line of each character. */
  record Inline(String text, int[] lines) {

    static Inline of(Node block) {
      StringBuilder text = new StringBuilder();
      IntList lines = new IntList();
      int[] last = {firstLine(block)};
      collect(block, text, lines, last);
      return new Inline(text.toString(), lines.toArray());
    }

    private static void collect(Node parent, StringBuilder text, IntList lines, int[] last) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        switch (n) {
          case Text t -> append(t.getLiteral(), lineOf(n, last), text, lines, last);
          case Code c -> append("`" + c.getLiteral() + "`", lineOf(n, last), text, lines, last);
          case SoftLineBreak ignored -> append(" ", last[0], text, lines, last);
          case HardLineBreak ignored -> append(" ", last[0], text, lines, last);
          case HtmlInline ignored -> {}
          default -> collect(n, text, lines, last);
        }
      }
    }

    private static int lineOf(Node n, int[] last) {
      List<SourceSpan> spans = n.getSourceSpans();
      return spans.isEmpty() ? last[0] : spans.get(0).getLineIndex() + 1;
    }

    private static void append(String s, int line, StringBuilder text, IntList lines, int[] last) {
      text.append(s);
      for (int i = 0; i < s.length(); i++) {
        lines.add(line);
      }
      last[0] = line;
    }
  }

  /** A growable int array. */
  private static final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
