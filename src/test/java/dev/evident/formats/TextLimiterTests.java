package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

class TextLimiterTests {

  private static final int MB = 1024 * 1024;

  private record Limited(byte[] bytes, TextLimiter limiter) {}

  private static Limited limit(String xml) throws IOException {
    TextLimiter limiter =
        new TextLimiter(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return new Limited(limiter.readAllBytes(), limiter);
  }

  /** The text of the first element named {@code name}, read by the hardened parser. */
  private static String text(byte[] xml, String name) throws XMLStreamException {
    var reader = XmlInput.open(new ByteArrayInputStream(xml), "t.xml");
    StringBuilder text = new StringBuilder();
    boolean in = false;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals(name)) {
        in = true;
      } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals(name)) {
        return text.toString();
      } else if (in
          && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
        text.append(reader.getText());
      }
    }
    throw new AssertionError("no <" + name + ">");
  }

  @Test
  void keepsHeadAndTailOfAHugeTextAndCountsWhatItCut() throws Exception {
    String big = "a".repeat(2 * MB - 3) + "END";
    Limited out = limit("<r><out>" + big + "</out><next>x</next></r>");

    String kept = text(out.bytes(), "out");
    assertThat(kept).startsWith("aaa").endsWith("aaaEND");
    assertThat(kept.length())
        .isBetween(
            TextLimiter.HEAD + TextLimiter.TAIL - 16, TextLimiter.HEAD + TextLimiter.TAIL + 16);
    assertThat(text(out.bytes(), "next")).isEqualTo("x");
    assertThat(out.limiter().omittedBetween(0, Long.MAX_VALUE))
        .isEqualTo(big.length() - kept.length());
  }

  @Test
  void cutsInsideCdataEvenWhenItHoldsMarkupCharacters() throws Exception {
    String line = "<event id=\"1\"/> & more\n";
    String big = line.repeat(MB / line.length() * 2) + "LAST";
    Limited out = limit("<r><out><![CDATA[" + big + "]]></out></r>");

    String kept = text(out.bytes(), "out");
    assertThat(kept).startsWith("<event").endsWith("LAST");
    assertThat(kept.length()).isLessThan(TextLimiter.HEAD + TextLimiter.TAIL + 16);
    assertThat(out.limiter().omittedBetween(0, Long.MAX_VALUE))
        .isEqualTo(big.length() - kept.length());
  }

  @Test
  void neverSplitsAMultiByteCharacterOrAnEntityReference() throws Exception {
    String big = "日本語 &amp; é ".repeat(MB / 8);
    Limited out = limit("<r><out>" + big + "</out></r>");

    var strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    try {
      strict.decode(ByteBuffer.wrap(out.bytes()));
    } catch (CharacterCodingException e) {
      throw new AssertionError("the limited stream is not valid UTF-8", e);
    }
    String kept = text(out.bytes(), "out");
    assertThat(kept).startsWith("日本語 & é").doesNotContain("&amp");
    assertThat(kept.length()).isLessThan(big.length() / 2);
  }

  @Test
  void neverSplitsAnEntityReferenceWhereverItFallsAroundTheCut() throws Exception {
    // The scan skips eight bytes at a time: an '&' or ';' at any position of such a word counts.
    for (int shift = 0; shift < 24; shift++) {
      String big = "x".repeat(TextLimiter.HEAD - shift) + "&amp;" + "y".repeat(MB);
      Limited out = limit("<r><out>" + big + "</out><next>&lt;</next></r>");

      String kept = text(out.bytes(), "out");
      // Kept whole (read as "&") or cut out whole; a split one would not even parse.
      String entity = kept.replace("x", "").replace("y", "");
      assertThat(entity).as("shift %d", shift).isIn("", "&");
      assertThat(kept).as("shift %d", shift).startsWith("xxx").endsWith("yyy");
      assertThat(text(out.bytes(), "next")).isEqualTo("<");
      int keptBytes = kept.length() + (entity.isEmpty() ? 0 : "amp;".length());
      assertThat(out.limiter().omittedBetween(0, Long.MAX_VALUE))
          .isEqualTo(big.length() - keptBytes);
    }
  }

  @Test
  void theKeptTailNeverStartsInsideAnEntityReference() throws Exception {
    for (int shift = -8; shift < 8; shift++) {
      String big = "x".repeat(MB) + "&amp;" + "y".repeat(TextLimiter.TAIL + shift);
      Limited out = limit("<r><out>" + big + "</out></r>");

      String kept = text(out.bytes(), "out");
      String tail = kept.substring(kept.lastIndexOf('x') + 1);
      assertThat(tail.replace("y", "")).as("shift %d", shift).isIn("", "&");
      int keptBytes = kept.length() + (kept.contains("&") ? "amp;".length() : 0);
      assertThat(out.limiter().omittedBetween(0, Long.MAX_VALUE))
          .isEqualTo(big.length() - keptBytes);
    }
  }

  @Test
  void cutsTheSameWhateverSizeTheReadsAre() throws Exception {
    // Reads of one byte take the byte-wise path at every '<'; large reads copy whole runs of
    // markup at once. Both must keep the same bytes and count the same cuts.
    String tags = "<testcase name=\"a&amp;b\" time=\"1\"/><x>y;z</x>\n".repeat(40);
    for (int shift = -12; shift <= 12; shift += 3) {
      String text = "t".repeat(TextLimiter.HEAD + shift);
      String more = "u".repeat(MB);
      String[] documents = {
        "<r>" + tags + "<out>" + text + "&amp;" + more + "</out>" + tags + "</r>",
        "<r><out>"
            + text
            + "é"
            + more
            + "</out><!-- c --><o><![CDATA["
            + text
            + "<a>"
            + more
            + "]]></o>"
            + tags
            + "</r>",
        "<r><<out>&lt;" + text.substring(4) + "&#x1F600;" + more + "<!x></out></r>",
        "<r>" + tags + "<out>" + "&amp;".repeat(TextLimiter.HEAD / 5 + shift) + more + "</out></r>",
      };
      for (String xml : documents) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        TextLimiter bulk = new TextLimiter(new ByteArrayInputStream(bytes));
        byte[] read = bulk.readAllBytes();
        TextLimiter single = new TextLimiter(new ByteArrayInputStream(bytes));
        java.io.ByteArrayOutputStream oneByOne = new java.io.ByteArrayOutputStream();
        for (int b = single.read(); b >= 0; b = single.read()) {
          oneByOne.write(b);
        }

        assertThat(read).as("shift %d", shift).isEqualTo(oneByOne.toByteArray());
        assertThat(read.length).isLessThan(bytes.length);
        for (long to = 0; to <= read.length; to += 4096) {
          assertThat(bulk.omittedBetween(0, to)).isEqualTo(single.omittedBetween(0, to));
        }
        assertThat(bulk.omittedBetween(0, Long.MAX_VALUE)).isEqualTo(bytes.length - read.length);
      }
    }
  }

  @Test
  void leavesOrdinaryDocumentsAlone() throws Exception {
    String xml =
        "<testsuite><testcase name=\"a > b\"><system-out><![CDATA[short]]></system-out></testcase></testsuite>";
    Limited out = limit(xml);

    assertThat(new String(out.bytes(), StandardCharsets.UTF_8)).isEqualTo(xml);
    assertThat(out.limiter().omittedBetween(0, Long.MAX_VALUE)).isZero();
  }

  @Test
  void aHugeTextAtTheEndOfATruncatedFileKeepsItsTail() throws Exception {
    Limited out = limit("<r><out>" + "z".repeat(MB) + "tail");

    String s = new String(out.bytes(), StandardCharsets.UTF_8);
    assertThat(s).startsWith("<r><out>zzz").endsWith("zzztail");
    assertThat(s.length())
        .isBetween(
            TextLimiter.HEAD + TextLimiter.TAIL - 16, TextLimiter.HEAD + TextLimiter.TAIL + 16);
  }
}
