package dev.smartpot.device.edc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks compiled classes against what MicroEJ runs: class files at most version 52, no invokedynamic or
 * method-handle constants (lambdas, method references), no interface methods with bodies (default, static or
 * private interface methods), and every referenced type outside the scanned code inside the
 * {@link EdcAllowlist}, member by member.
 *
 * <p>Types of the scanned classes themselves are always fine. Types under a {@code libraryPrefix} (e.g.
 * {@code ej.} for MicroEJ's own libraries, checked by the SDK at build time) are not checked here. Every other
 * type is treated as a JDK type and must be allowed.
 */
public final class EdcProfileGuard {

    /** Java 8 class files: the newest javac 17 can emit; the language check is done bytecode by bytecode. */
    public static final int MAX_CLASS_VERSION = 52;

    private final EdcAllowlist allowlist;
    private final List<String> libraryPrefixes;

    public EdcProfileGuard(EdcAllowlist allowlist, String... libraryPrefixes) {
        this.allowlist = allowlist;
        this.libraryPrefixes = List.of(libraryPrefixes);
    }

    /** Scans every .class file under {@code classesDir} and {@code more} (all of them are "ours"). */
    public List<Violation> scan(Path classesDir, Path... more) {
        Map<String, byte[]> classes = new HashMap<>();
        read(classesDir, classes);
        for (Path dir : more) {
            read(dir, classes);
        }
        return scan(classes);
    }

    private static void read(Path classesDir, Map<String, byte[]> classes) {
        if (Files.isRegularFile(classesDir)) {
            readJar(classesDir, classes);
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classesDir)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + classesDir, e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no class files under " + classesDir + ": compile first");
        }
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                byte[] bytes = in.readAllBytes();
                classes.put(new ClassReader(bytes).getClassName(), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
    }

    /** A module's classes as the reactor hands them over once packaged: its jar. */
    private static void readJar(Path jar, Map<String, byte[]> classes) {
        int found = 0;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(jar))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class")) {
                    byte[] bytes = in.readAllBytes();
                    classes.put(new ClassReader(bytes).getClassName(), bytes);
                    found++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        if (found == 0) {
            throw new IllegalStateException("no class files in " + jar);
        }
    }

    /** Scans class files given as internal name to bytes. */
    public List<Violation> scan(Map<String, byte[]> classes) {
        Set<Violation> found = new LinkedHashSet<>();
        List<String> names = new ArrayList<>(classes.keySet());
        Collections.sort(names);
        Map<String, Shape> shapes = new HashMap<>();
        for (String name : names) {
            Shape shape = new Shape();
            new ClassReader(classes.get(name)).accept(shape, ClassReader.SKIP_CODE);
            shapes.put(name, shape);
        }
        for (String name : names) {
            new ClassReader(classes.get(name)).accept(new Checker(shapes, found), 0);
        }
        return new ArrayList<>(found);
    }

    /** What a scanned class declares, to resolve members inherited from JDK types. */
    private static final class Shape extends ClassVisitor {
        String superName;
        String[] interfaces = new String[0];
        final Set<String> members = new java.util.HashSet<>();

        Shape() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.superName = superName;
            this.interfaces = interfaces == null ? new String[0] : interfaces;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            members.add(name);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            members.add(name + descriptor);
            return null;
        }
    }

    /** A failure message listing every violation, or null when there is none. */
    public static String report(List<Violation> violations, String where) {
        if (violations.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(violations.size()).append(violations.size() == 1 ? " EDC profile violation" : " EDC profile violations")
                .append(" in ").append(where).append(" (code that would not build or run under MicroEJ EDC 1.3 / Java 7):");
        for (Violation v : violations) {
            sb.append("\n  - ").append(v.message());
        }
        sb.append("\nFix the code; or, if EDC 1.3 really has the member, add it to edc-1.3-allowlist.txt with where you checked it.");
        return sb.toString();
    }

    // ---- the visitor ----------------------------------------------------------------------------------

    private final class Checker extends ClassVisitor {
        private final Map<String, Shape> ours;
        private final Set<Violation> found;
        private String className;
        private boolean isInterface;

        Checker(Map<String, Shape> ours, Set<Violation> found) {
            super(Opcodes.ASM9);
            this.ours = ours;
            this.found = found;
        }

        private void add(String member, String caller, String reason) {
            found.add(new Violation(dotted(className), member, caller, reason));
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            int major = version & 0xFFFF;
            if (major > MAX_CLASS_VERSION) {
                add("class file version " + major + " (Java " + (major - 44) + ")", "the class file",
                        "MicroEJ reads class files up to version " + MAX_CLASS_VERSION
                                + ": compile with --release 8 (Java 7 language)");
            }
            String where = "the class declaration";
            if (superName != null) {
                checkType(superName, where);
            }
            if (interfaces != null) {
                for (String i : interfaces) {
                    checkType(i, where);
                }
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            checkDescriptor(descriptor, "the class declaration");
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            String where = "field " + dotted(className) + "." + name;
            checkDescriptor(descriptor, where);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    checkDescriptor(d, where);
                    return null;
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            String caller = methodName(className, name, descriptor);
            if (isInterface && (access & Opcodes.ACC_ABSTRACT) == 0 && !name.equals("<clinit>")) {
                String kind = (access & Opcodes.ACC_STATIC) != 0 ? "a static interface method"
                        : (access & Opcodes.ACC_PRIVATE) != 0 ? "a private interface method" : "a default method";
                add(kind + " (" + caller + ")", caller,
                        "interface methods with a body are Java 8+: move the code into a class (e.g. a final helper class)");
            }
            checkDescriptor(descriptor, caller);
            if (exceptions != null) {
                for (String e : exceptions) {
                    checkType(e, caller);
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    checkDescriptor(d, caller);
                    return null;
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    checkType(type, caller);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
                    checkDescriptor(fieldDescriptor, caller);
                    checkMember(owner, fieldName, fieldDescriptor, dotted(owner) + "." + fieldName, caller);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor, boolean itf) {
                    checkDescriptor(methodDescriptor, caller);
                    checkMember(owner, methodName, methodDescriptor, methodName(owner, methodName, methodDescriptor), caller);
                }

                @Override
                public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap, Object... args) {
                    String target = "";
                    for (Object a : args) {
                        if (a instanceof Handle) {
                            Handle h = (Handle) a;
                            target = " for " + methodName(h.getOwner(), h.getName(), h.getDesc());
                        }
                    }
                    String what = bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")
                            ? "a lambda or method reference" : bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")
                            ? "indy string concatenation (compiled with --release 9+)" : "invokedynamic";
                    add("invokedynamic " + dotted(bootstrap.getOwner()) + "." + bootstrap.getName() + " (" + what + target + ")",
                            caller, "MicroEJ's Java 7 VM has no invokedynamic: use an anonymous or named class instead");
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type) {
                        Type t = (Type) value;
                        if (t.getSort() == Type.METHOD) {
                            add("a method type constant " + t.getDescriptor(), caller, "method handles are not in EDC");
                        } else {
                            checkDescriptor(t.getDescriptor(), caller);
                        }
                    } else if (value instanceof Handle) {
                        Handle h = (Handle) value;
                        add("a method handle constant " + methodName(h.getOwner(), h.getName(), h.getDesc()), caller,
                                "method handles are not in EDC");
                    } else if (value instanceof ConstantDynamic) {
                        add("a dynamic constant " + ((ConstantDynamic) value).getName(), caller,
                                "condy is Java 11+, not in MicroEJ");
                    }
                }

                @Override
                public void visitMultiANewArrayInsn(String arrayDescriptor, int numDimensions) {
                    checkDescriptor(arrayDescriptor, caller);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if (type != null) {
                        checkType(type, caller);
                    }
                }
            };
        }

        // ---- checks -------------------------------------------------------------------------------

        private void checkDescriptor(String descriptor, String where) {
            Type t = Type.getType(descriptor);
            if (t.getSort() == Type.METHOD) {
                for (Type a : t.getArgumentTypes()) {
                    checkTypeObject(a, where);
                }
                checkTypeObject(t.getReturnType(), where);
            } else {
                checkTypeObject(t, where);
            }
        }

        private void checkTypeObject(Type t, String where) {
            if (t.getSort() == Type.ARRAY) {
                t = t.getElementType();
            }
            if (t.getSort() == Type.OBJECT) {
                checkType(t.getInternalName(), where);
            }
        }

        /** @param type an internal name or an array descriptor */
        private void checkType(String type, String where) {
            if (type.startsWith("[")) {
                checkTypeObject(Type.getType(type), where);
                return;
            }
            if (!isForeign(type)) {
                return;
            }
            String dotted = dotted(type);
            String denial = allowlist.typeDenial(dotted);
            if (denial != null) {
                add(dotted, where, denial);
            } else if (!allowlist.typeAllowed(dotted)) {
                add(dotted, where, "not in the EDC 1.3 allowlist (" + String.join(", ", allowlist.sources())
                        + "): if EDC 1.3 has it, add it there with where you checked");
            }
        }

        private void checkMember(String owner, String name, String descriptor, String shown, String caller) {
            if (owner.startsWith("[")) {
                return;
            }
            if (!isForeign(owner)) {
                if (ours.containsKey(owner)) {
                    // A member not declared in our own hierarchy comes from a JDK supertype: check it there.
                    for (String inherited : foreignDeclarers(owner, name, descriptor)) {
                        checkMember(inherited, name, descriptor, shown, caller);
                    }
                }
                return;
            }
            checkType(owner, caller);
            String dottedOwner = dotted(owner);
            if (allowlist.typeDenial(dottedOwner) != null || !allowlist.typeAllowed(dottedOwner)) {
                return; // already reported for the type
            }
            String denial = allowlist.memberDenial(dottedOwner, name, descriptor);
            if (denial != null) {
                add(shown, caller, denial);
                return;
            }
            Set<String> only = allowlist.allowedMembers(dottedOwner);
            if (only != null && !only.contains(name)) {
                List<String> sorted = new ArrayList<>(only);
                Collections.sort(sorted);
                add(shown, caller, "only " + String.join(", ", sorted) + " of " + dottedOwner
                        + " are in the EDC 1.3 allowlist");
            }
        }

        /** The nearest foreign supertypes through which our {@code owner} may inherit the member. */
        private List<String> foreignDeclarers(String owner, String name, String descriptor) {
            List<String> result = new ArrayList<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
            Set<String> seen = new java.util.HashSet<>();
            todo.add(owner);
            while (!todo.isEmpty()) {
                String t = todo.poll();
                if (!seen.add(t)) {
                    continue;
                }
                Shape shape = ours.get(t);
                if (shape == null) {
                    if (isForeign(t)) {
                        result.add(t);
                    }
                    continue;
                }
                if (shape.members.contains(name + descriptor) || shape.members.contains(name)) {
                    return List.of();
                }
                if (shape.superName != null) {
                    todo.add(shape.superName);
                }
                todo.addAll(List.of(shape.interfaces));
            }
            // java.lang.Object's members (equals, hashCode, wait, notify ...) reach every class.
            result.remove("java/lang/Object");
            return result;
        }

        private boolean isForeign(String internalName) {
            if (ours.containsKey(internalName)) {
                return false;
            }
            String dotted = dotted(internalName);
            for (String p : libraryPrefixes) {
                if (dotted.startsWith(p)) {
                    return false;
                }
            }
            return true;
        }
    }

    // ---- names ------------------------------------------------------------------------------------

    static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    /** {@code java.lang.String.format(String, Object[])}. */
    static String methodName(String owner, String name, String descriptor) {
        StringBuilder sb = new StringBuilder(dotted(owner)).append('.').append(name).append('(');
        Type[] args = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(simpleName(args[i]));
        }
        return sb.append(')').toString();
    }

    private static String simpleName(Type t) {
        String s = t.getClassName();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? s : s.substring(dot + 1);
    }
}
