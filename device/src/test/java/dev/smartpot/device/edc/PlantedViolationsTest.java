package dev.smartpot.device.edc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants violations in small classes compiled at test time (as the core is: javac --release 8) and checks the
 * guard names the class, the member and the caller of each.
 */
class PlantedViolationsTest {

    @TempDir
    Path tmp;

    private final EdcProfileGuard guard = new EdcProfileGuard(EdcAllowlist.edc13());

    @Test
    void stringFormatIsNamedWithClassMemberAndCaller() throws IOException {
        List<Violation> v = scan("8", Map.of("planted.UsesFormat",
                "package planted; public class UsesFormat { String describe(int n) { return String.format(\"%d pots\", n); } }"));
        Violation one = only(v);
        assertEquals("planted.UsesFormat", one.className);
        assertEquals("java.lang.String.format(String, Object[])", one.member);
        assertEquals("planted.UsesFormat.describe(int)", one.caller);
        assertTrue(one.message().contains("String.format is not in EDC"), one.message());
        assertTrue(one.message().startsWith("planted.UsesFormat: planted.UsesFormat.describe(int) uses java.lang.String.format(String, Object[]): "),
                one.message());
    }

    @Test
    void lambdaIsAnInvokedynamicInItsMethod() throws IOException {
        List<Violation> v = scan("8", Map.of("planted.UsesLambda",
                "package planted; public class UsesLambda { Runnable task() { return () -> System.gc(); } }"));
        Violation one = only(v);
        assertEquals("planted.UsesLambda", one.className);
        assertEquals("planted.UsesLambda.task()", one.caller);
        assertTrue(one.member.startsWith("invokedynamic java.lang.invoke.LambdaMetafactory.metafactory (a lambda or method reference"),
                one.member);
        assertTrue(one.reason.contains("no invokedynamic"), one.reason);
    }

    @Test
    void methodReferenceIsCaughtToo() throws IOException {
        List<Violation> v = scan("8", Map.of("planted.UsesMethodRef",
                "package planted; public class UsesMethodRef { Runnable task() { return System::gc; } }"));
        assertTrue(only(v).member.contains("a lambda or method reference for java.lang.System.gc()"), only(v).member);
    }

    @Test
    void defaultAndStaticInterfaceMethodsAreNamed() throws IOException {
        List<Violation> v = scan("8", Map.of("planted.Greeter",
                "package planted; public interface Greeter { String name();"
                        + " default String greet() { return \"hello \" + name(); }"
                        + " static Greeter of(final String n) { return new Greeter() { public String name() { return n; } }; } }"));
        List<String> members = v.stream().map(x -> x.member).collect(Collectors.toList());
        assertEquals(List.of("a default method (planted.Greeter.greet())", "a static interface method (planted.Greeter.of(String))"),
                members);
        assertTrue(v.get(0).message().startsWith("planted.Greeter: planted.Greeter.greet() uses a default method"), v.get(0).message());
    }

    @Test
    void interfaceConstantsWithAStaticInitializerAreFine() throws IOException {
        assertEquals(List.of(), scan("8", Map.of("planted.Limits",
                "package planted; public interface Limits { int[] SIZES = {1, 2, 3}; int size(); }")));
    }

    @Test
    void classFilesNewerThanJava8AreRefused() throws IOException {
        Violation one = only(scan("11", Map.of("planted.Modern", "package planted; public class Modern { }")));
        assertEquals("class file version 55 (Java 11)", one.member);
        assertEquals("planted.Modern", one.className);
    }

    @Test
    void nanoTimeAndConcurrencyAreRefusedWithTheReason() throws IOException {
        List<Violation> v = scan("8", Map.of("planted.Timing",
                "package planted; import java.util.concurrent.ConcurrentHashMap;"
                        + " public class Timing { final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();"
                        + " long now() { return System.nanoTime(); } }"));
        String all = v.stream().map(Violation::message).collect(Collectors.joining("\n"));
        assertTrue(all.contains("planted.Timing: field planted.Timing.seen uses java.util.concurrent.ConcurrentHashMap: java.util.concurrent is not in EDC"), all);
        assertTrue(all.contains("planted.Timing: planted.Timing.now() uses java.lang.System.nanoTime(): System.nanoTime is not in EDC"), all);
        assertTrue(all.contains("planted.Timing.<init>() uses java.util.concurrent.ConcurrentHashMap"), all);
    }

    @Test
    void java8MembersInheritedFromJdkTypesAreCaught() throws IOException {
        List<Violation> v = scan("8", Map.of("planted.Names",
                "package planted; public class Names extends java.util.ArrayList<String> {"
                        + " long count() { return stream().count(); } }"));
        String all = v.stream().map(Violation::message).collect(Collectors.joining("\n"));
        assertTrue(all.contains("planted.Names.count() uses planted.Names.stream(): streams are Java 8"), all);
    }

    @Test
    void typesOutsideTheAllowlistAreNamed() throws IOException {
        Violation one = only(scan("8", Map.of("planted.Sets",
                "package planted; public class Sets { Object make() { return new java.util.LinkedHashSet<String>(); } }")).stream()
                .filter(x -> x.caller.equals("planted.Sets.make()")).distinct().limit(1).collect(Collectors.toList()));
        assertEquals("java.util.LinkedHashSet", one.member);
        assertTrue(one.reason.startsWith("not in the EDC 1.3 allowlist"), one.reason);
    }

    @Test
    void edcStyleCodePasses() throws IOException {
        List<Violation> v = scan("8", Map.of("planted.Clean",
                "package planted; import java.util.*; import java.io.*;"
                        + " public class Clean implements Runnable {"
                        + "  private final HashMap<String, Integer> counts = new HashMap<String, Integer>();"
                        + "  private final List<String> names = new ArrayList<String>();"
                        + "  public void run() { synchronized (this) { notifyAll(); } }"
                        + "  String line(int n) throws IOException { StringBuilder sb = new StringBuilder();"
                        + "    for (int i = 0; i < n; i++) { sb.append(i).append(','); }"
                        + "    names.add(sb.toString()); counts.put(\"n\", Integer.valueOf(n));"
                        + "    long t = System.currentTimeMillis(); return sb + \" at \" + t + \" \" + new Random(t).nextInt(); }"
                        + "  String read(InputStream in) throws IOException { Reader r = new InputStreamReader(in, \"UTF-8\");"
                        + "    try { char[] b = new char[8]; int k = r.read(b); return k < 0 ? \"\" : new String(b, 0, k); }"
                        + "    finally { r.close(); } }"
                        + "  enum Mode { ON, OFF }"
                        + "  int code(Mode m) { switch (m) { case ON: return 1; default: return 0; } }"
                        + " }"));
        assertEquals(List.of(), v, () -> EdcProfileGuard.report(v, "planted.Clean"));
    }

    @Test
    void reportListsEveryViolationAndTheWayOut() throws IOException {
        List<Violation> v = scan("8", Map.of("planted.UsesFormat",
                "package planted; public class UsesFormat { String d(int n) { return String.format(\"%d\", n) + \"a,b\".split(\",\").length; } }"));
        String report = EdcProfileGuard.report(v, "target/classes");
        assertTrue(report.startsWith("2 EDC profile violations in target/classes"), report);
        assertTrue(report.contains("java.lang.String.split(String)"), report);
        assertTrue(report.contains("add it to edc-1.3-allowlist.txt"), report);
        assertNull(EdcProfileGuard.report(List.of(), "x"));
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static Violation only(List<Violation> v) {
        assertEquals(1, v.size(), () -> "expected one violation, got:\n" + v.stream().map(Violation::message).collect(Collectors.joining("\n")));
        return v.get(0);
    }

    private List<Violation> scan(String release, Map<String, String> sources) throws IOException {
        Path out = Files.createTempDirectory(tmp, "classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            units.add(new SimpleJavaFileObject(URI.create("string:///" + e.getKey().replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return e.getValue();
                }
            });
        }
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null, List.of("--release", release, "-Xlint:-options", "-d", out.toString()), null, units).call();
        assertTrue(ok, diagnostics::toString);
        return guard.scan(out);
    }
}
