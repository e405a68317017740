package io.pgsight.sql.analyze;

import io.pgsight.sql.exec.EvalContext;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a hot {@link Float8Kernel} tree into the straight-line JVM code a hand-written Java expression
 * would be: one hidden class whose method evaluates every operator in place (about 1 ns an operator where
 * the tree walk costs about 5). The tree stays the definition: operands are evaluated left before right,
 * each operator is the kernel's own static method (same NULL propagation and FloatArithmetic checks), and
 * every leaf except a finite constant is the kernel node's own {@code leaf} call.
 *
 * <p>The method has no branches, so its class needs no stack map frames (class file version 52). Hidden
 * classes are unloaded with the plan that made them.
 */
final class Float8Compiler {
    /** The compiled evaluation; {@code leaves} is {@link Program#leaves}. */
    interface Code {
        double eval(Float8Kernel[] leaves, EvalContext c);
    }

    /** A compiled tree: its code and the leaf nodes the code calls by index. */
    record Program(Code code, Float8Kernel[] leaves) {
        double run(EvalContext c) {
            return code.eval(leaves, c);
        }
    }

    private static final String KERNEL = "io/pgsight/sql/analyze/Float8Kernel";
    private static final String EVAL_CONTEXT = "Lio/pgsight/sql/exec/EvalContext;";

    private final ConstantPool pool = new ConstantPool();
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private final List<Float8Kernel> leaves = new ArrayList<>();
    /** Operand stack words at the current point of the code, and the most it reaches. */
    private int stack;
    private int maxStack;

    private Float8Compiler() {
    }

    /** The compiled form of {@code root}, or null when it cannot be compiled (too large, or the JVM refused). */
    static Program compile(Float8Kernel root) {
        try {
            Float8Compiler c = new Float8Compiler();
            if (!c.emit(root)) {
                return null;
            }
            c.code.write(0xaf); // dreturn
            byte[] bytes = c.classFile();
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            Code code = (Code) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
            return new Program(code, c.leaves.toArray(new Float8Kernel[0]));
        } catch (Throwable refused) {
            return null; // the tree walk stays
        }
    }

    /** Appends code leaving {@code k}'s value on the operand stack; false when the tree is too large. */
    private boolean emit(Float8Kernel k) {
        if (k.isLeaf()) {
            double v = k.constantValue();
            if (k.isConstant() && Double.isFinite(v)) {
                u1(0x14); // ldc2_w
                u2(pool.doubleConstant(v));
                push(2, 2);
                return true;
            }
            if (leaves.size() > Short.MAX_VALUE) {
                return false;
            }
            u1(0x2b); // aload_1
            u1(0x11); // sipush
            u2(leaves.size());
            leaves.add(k);
            u1(0x32); // aaload
            u1(0x2c); // aload_2
            u1(0xb6); // invokevirtual
            u2(pool.method(KERNEL, "leaf", "(" + EVAL_CONTEXT + ")D"));
            push(2, 2); // two references on the stack at most before the call leaves a double
            return true;
        }
        // left, then right, on the operand stack: the order Float8Kernel.walk evaluates them in
        if (!emit(k.leftOperand()) || !emit(k.rightOperand())) {
            return false;
        }
        u1(0xb8); // invokestatic
        u2(pool.method(KERNEL, k.operatorMethod(), "(DD)D"));
        stack -= 2;
        return true;
    }

    /** Accounts a value of {@code words} pushed, after {@code peak} words more than before at the most. */
    private void push(int words, int peak) {
        maxStack = Math.max(maxStack, stack + peak);
        stack += words;
    }

    private void u1(int b) {
        code.write(b);
    }

    private void u2(int v) {
        code.write(v >>> 8);
        code.write(v);
    }

    private byte[] classFile() throws IOException {
        int thisClass = pool.classRef("io/pgsight/sql/analyze/Float8Kernel$Compiled");
        int superClass = pool.classRef("java/lang/Object");
        int iface = pool.classRef("io/pgsight/sql/analyze/Float8Compiler$Code");
        int objectInit = pool.method("java/lang/Object", "<init>", "()V");
        int init = pool.utf8("<init>");
        int voidDesc = pool.utf8("()V");
        int evalName = pool.utf8("eval");
        int evalDesc = pool.utf8("([L" + KERNEL + ";" + EVAL_CONTEXT + ")D");
        int codeAttr = pool.utf8("Code");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(52);
        pool.write(out);
        out.writeShort(0x0031); // public final super
        out.writeShort(thisClass);
        out.writeShort(superClass);
        out.writeShort(1);
        out.writeShort(iface);
        out.writeShort(0); // fields
        out.writeShort(2); // methods

        byte[] initCode = {0x2a, (byte) 0xb7, (byte) (objectInit >>> 8), (byte) objectInit, (byte) 0xb1};
        method(out, 0x0001, init, voidDesc, codeAttr, 1, 1, initCode);
        method(out, 0x0011, evalName, evalDesc, codeAttr, maxStack, 3, code.toByteArray());
        out.writeShort(0); // class attributes
        out.flush();
        return bytes.toByteArray();
    }

    private static void method(DataOutputStream out, int flags, int name, int desc, int codeAttr, int maxStack,
                               int maxLocals, byte[] body) throws IOException {
        out.writeShort(flags);
        out.writeShort(name);
        out.writeShort(desc);
        out.writeShort(1);
        out.writeShort(codeAttr);
        out.writeInt(12 + body.length);
        out.writeShort(maxStack);
        out.writeShort(maxLocals);
        out.writeInt(body.length);
        out.write(body);
        out.writeShort(0); // exception table
        out.writeShort(0); // code attributes
    }

    /** The class file's constant pool, entries shared by value. */
    private static final class ConstantPool {
        private final ByteArrayOutputStream entries = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(entries);
        private final Map<String, Integer> indexes = new HashMap<>();
        private int next = 1;

        int utf8(String s) {
            return entry("U" + s, 1, o -> {
                o.writeByte(1);
                o.writeUTF(s); // the class file's modified UTF-8 with its length
            });
        }

        int classRef(String internalName) {
            int name = utf8(internalName);
            return entry("C" + internalName, 1, o -> {
                o.writeByte(7);
                o.writeShort(name);
            });
        }

        int method(String owner, String name, String desc) {
            int cls = classRef(owner);
            int n = utf8(name);
            int d = utf8(desc);
            int nameAndType = entry("N" + name + desc, 1, o -> {
                o.writeByte(12);
                o.writeShort(n);
                o.writeShort(d);
            });
            return entry("M" + owner + "." + name + desc, 1, o -> {
                o.writeByte(10);
                o.writeShort(cls);
                o.writeShort(nameAndType);
            });
        }

        int doubleConstant(double v) {
            long bits = Double.doubleToRawLongBits(v);
            return entry("D" + bits, 2, o -> {
                o.writeByte(6);
                o.writeLong(bits);
            });
        }

        private interface Writer {
            void write(DataOutputStream o) throws IOException;
        }

        /** The index of the entry {@code key}, written by {@code w} on first use; doubles take two slots. */
        private int entry(String key, int slots, Writer w) {
            Integer known = indexes.get(key);
            if (known != null) {
                return known;
            }
            try {
                w.write(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            int index = next;
            next += slots;
            indexes.put(key, index);
            return index;
        }

        void write(DataOutputStream o) throws IOException {
            out.flush();
            o.writeShort(next);
            entries.writeTo(o);
        }
    }
}
