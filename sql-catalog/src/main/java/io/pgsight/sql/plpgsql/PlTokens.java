package io.pgsight.sql.plpgsql;

import io.pgsight.sql.parser.SqlScanner;
import io.pgsight.sql.parser.Token;
import io.pgsight.sql.parser.TokenKind;

import java.util.ArrayList;
import java.util.List;

/** Lazily scanned tokens of a PL/pgSQL body with lookahead, plus line numbers and source slices. */
final class PlTokens {
    private final SqlScanner scanner;
    private final String body;
    private final List<Token> tokens = new ArrayList<>();
    private final int[] lineStarts;
    private int index;

    PlTokens(String body, int positionOffset) {
        this.body = body;
        this.scanner = new SqlScanner(body, positionOffset);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    SqlScanner scanner() {
        return scanner;
    }

    String body() {
        return body;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int k) {
        while (tokens.size() <= index + k) {
            if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == TokenKind.EOF) {
                return tokens.get(tokens.size() - 1);
            }
            tokens.add(scanner.next());
        }
        return tokens.get(index + k);
    }

    Token next() {
        Token t = peek();
        if (t.kind() != TokenKind.EOF) {
            index++;
        }
        return t;
    }

    Token previous() {
        return index == 0 ? null : tokens.get(index - 1);
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }

    /** 1-based line in the body of a char index. */
    int line(int charIndex) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= charIndex) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    int position(int charIndex) {
        return scanner.position(charIndex);
    }
}
