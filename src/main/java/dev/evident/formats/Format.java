package dev.evident.formats;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The result formats Evident reads. */
public enum Format {
  JUNIT("junit", "JUnit XML"),
  CTRF("ctrf", "CTRF JSON"),
  GOTEST("gotest", "Go test -json"),
  TAP("tap", "TAP"),
  TRX("trx", "Visual Studio TRX"),
  NUNIT("nunit", "NUnit XML"),
  XUNIT("xunit", "xUnit.net XML"),
  MOCHA("mocha", "Mocha JSON"),
  OTR("otr", "Open Test Reporting XML"),
  DART("dart", "Dart/Flutter JSON"),
  RSPEC("rspec", "RSpec JSON"),
  EVALS("evals", "Evaluation harness JSON lines");

  private final String id;
  private final String title;

  Format(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** The name used on the command line and in JSON. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** The format with this id; throws {@link IllegalArgumentException} naming the valid ids. */
  public static Format byId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    for (Format f : values()) {
      if (f.id.equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + id + "'; use one of: auto, " + ids());
  }

  public static String ids() {
    return Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", "));
  }
}
