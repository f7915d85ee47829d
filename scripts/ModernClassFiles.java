import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes the class files of one package of a jar, older than Java 6 (major version 50), as Java 8
 * class files with stack maps, into a jar of their own that goes first on the class path. The JDK's
 * ahead-of-time cache and class-data archives skip the old ones ("Old class has been linked"): picocli
 * targets Java 5, so its 170-odd classes were loaded from the jar and checked by the old verifier on
 * every start, about 60 ms of CPU before `evident run` could start its command. Each rewritten class
 * is checked with the JDK's verifier here; on any error nothing is written (exit 1), and the launcher
 * goes on without the jar.
 *
 * <p>Needs JDK 24 or later (java.lang.classfile). Run by ./evident, as a source-file program:
 * {@code java scripts/ModernClassFiles.java target/evident.jar OUT.jar picocli/}
 */
public final class ModernClassFiles {

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: ModernClassFiles JAR OUT.jar PACKAGE/");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String prefix = args[2];
    List<String> errors = new ArrayList<>();
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (ZipFile zip = new ZipFile(jar.toFile());
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        OutputStream file = Files.newOutputStream(tmp);
        ZipOutputStream zout = new ZipOutputStream(file)) {
      ClassFile cf =
          ClassFile.of(
              ClassFile.ClassHierarchyResolverOption.of(
                  ClassHierarchyResolver.defaultResolver()
                      .orElse(ClassHierarchyResolver.ofResourceParsing(loader))),
              // a new constant pool and generated stack maps: every method body is rebuilt
              ClassFile.ConstantPoolSharingOption.NEW_POOL,
              ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
      int written = 0;
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String name = entry.getName();
        if (!name.startsWith(prefix) || !name.endsWith(".class")) {
          continue;
        }
        byte[] bytes = zip.getInputStream(entry).readAllBytes();
        ClassModel model = cf.parse(bytes);
        if (model.majorVersion() < ClassFile.JAVA_6_VERSION) {
          bytes = cf.transformClass(model, toJava8());
          for (VerifyError e : cf.verify(bytes)) {
            errors.add(name + ": " + e.getMessage());
          }
        }
        zout.putNextEntry(new ZipEntry(name));
        zout.write(bytes);
        zout.closeEntry();
        written++;
      }
      if (written == 0) {
        errors.add("no class files under " + prefix + " in " + jar);
      }
    }
    if (!errors.isEmpty()) {
      Files.deleteIfExists(tmp);
      errors.forEach(System.err::println);
      System.exit(1);
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Version 52, every method body rebuilt (which computes its stack map frames). */
  private static ClassTransform toJava8() {
    ClassTransform version =
        (builder, element) -> {
          if (element instanceof ClassFileVersion) {
            builder.withVersion(ClassFile.JAVA_8_VERSION, 0);
          } else {
            builder.with(element);
          }
        };
    return version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
  }
}
