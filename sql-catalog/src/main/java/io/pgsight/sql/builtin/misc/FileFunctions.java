package io.pgsight.sql.builtin.misc;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.Volatility;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * pg_read_binary_file and pg_read_file (genfile.c): the whole file or a slice, optionally missing_ok.
 * Relative paths resolve against the data_directory setting (the server's working directory when the
 * engine does not set it). Privilege checks (superuser / pg_read_server_files) are the engine's.
 */
public final class FileFunctions {
    private FileFunctions() {
    }

    public static void register(CatalogWriter w) {
        w.fn("pg_read_binary_file", "bytea", true, Volatility.VOLATILE,
                (ctx, a) -> read(ctx, (String) a[0], 0, -1, false), "text");
        w.fn("pg_read_binary_file", "bytea", true, Volatility.VOLATILE,
                (ctx, a) -> read(ctx, (String) a[0], 0, -1, (Boolean) a[1]), "text", "bool");
        w.fn("pg_read_binary_file", "bytea", true, Volatility.VOLATILE,
                (ctx, a) -> read(ctx, (String) a[0], (Long) a[1], (Long) a[2], false), "text", "int8", "int8");
        w.fn("pg_read_binary_file", "bytea", true, Volatility.VOLATILE,
                (ctx, a) -> read(ctx, (String) a[0], (Long) a[1], (Long) a[2], (Boolean) a[3]),
                "text", "int8", "int8", "bool");
        w.fn("pg_read_file", "text", true, Volatility.VOLATILE,
                (ctx, a) -> text(read(ctx, (String) a[0], 0, -1, false)), "text");
        w.fn("pg_read_file", "text", true, Volatility.VOLATILE,
                (ctx, a) -> text(read(ctx, (String) a[0], 0, -1, (Boolean) a[1])), "text", "bool");
        w.fn("pg_read_file", "text", true, Volatility.VOLATILE,
                (ctx, a) -> text(read(ctx, (String) a[0], (Long) a[1], (Long) a[2], false)), "text", "int8", "int8");
    }

    private static String text(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new SqlException("22021", "invalid byte sequence for encoding \"UTF8\"");
        }
    }

    static byte[] read(FunctionContext ctx, String name, long offset, long length, boolean missingOk) {
        if (offset < 0 && length >= 0 || length < -1) {
            throw new SqlException("22023", "requested length cannot be negative");
        }
        Path path = Path.of(name);
        if (!path.isAbsolute()) {
            String dataDir = ctx == null ? null : ctx.setting("data_directory");
            if (dataDir != null && !dataDir.isEmpty()) {
                path = Path.of(dataDir).resolve(path);
            }
        }
        try {
            if (length < 0) {
                byte[] all = Files.readAllBytes(path);
                return offset <= 0 ? all : java.util.Arrays.copyOfRange(all, (int) Math.min(offset, all.length), all.length);
            }
            try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
                long start = offset < 0 ? Math.max(0, f.length() + offset) : offset;
                long n = Math.max(0, Math.min(length, f.length() - start));
                byte[] out = new byte[(int) n];
                f.seek(start);
                f.readFully(out);
                return out;
            }
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            if (missingOk) {
                return null;
            }
            throw new SqlException("58P01", "could not open file \"" + name + "\" for reading: No such file or directory");
        } catch (AccessDeniedException e) {
            throw new SqlException("42501", "could not open file \"" + name + "\" for reading: Permission denied");
        } catch (IOException e) {
            throw new SqlException("58030", "could not read file \"" + name + "\": " + e.getMessage());
        }
    }
}
