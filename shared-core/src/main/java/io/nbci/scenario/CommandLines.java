package io.nbci.scenario;

import io.nbci.config.ConfigNode;
import java.util.ArrayList;
import java.util.List;

/** Splits a command written as one string into words, with POSIX-shell-like quoting (no expansion). */
final class CommandLines {

    private CommandLines() {
    }

    static List<String> split(ConfigNode node) {
        String text = node.asString();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw node.error("unterminated " + (quote == '"' ? "double" : "single") + " quote in command");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
