package exchange.safeguarding.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Java source file, read well enough to find its type declarations, record components, enum constants,
 * string constants, methods and calls. Not a compiler: the contracts module depends on no service (so it builds
 * in seconds), and the declarations it reads follow the project's plain style. Where it cannot tell something,
 * its callers report that as a problem rather than guess.
 *
 * <p>Two views of the text keep every offset aligned with the original: {@link #code} has comments blanked;
 * {@link #masked} has string and character literal contents blanked as well, so brackets inside strings never
 * confuse the bracket matching.
 */
final class JavaSource {

    /** A class, interface, enum or record, with its body's braces. */
    record TypeDecl(JavaSource file, String kind, String simpleName, String nestedName, int start, int bodyOpen,
                    int bodyClose, int headerOpen, int headerClose) {

        String qualifiedName() {
            return file.packageName.isEmpty() ? nestedName : file.packageName + "." + nestedName;
        }

        boolean topLevel() {
            return simpleName.equals(nestedName);
        }

        boolean isRecord() {
            return kind.equals("record");
        }

        boolean isEnum() {
            return kind.equals("enum");
        }

        /** Record components as Jackson names them: the component name, or its {@code @JsonProperty} value. */
        List<Component> components() {
            List<Component> components = new ArrayList<>();
            for (int[] part : file.spans(headerOpen + 1, headerClose)) {
                components.add(Component.parse(file.code.substring(part[0], part[1]), file.masked.substring(part[0], part[1])));
            }
            // Jackson also serialises public no-argument getX()/isX() methods of a record.
            Matcher getter = GETTER.matcher(file.masked.substring(bodyOpen, bodyClose));
            while (getter.find()) {
                String name = Character.toLowerCase(getter.group(3).charAt(0)) + getter.group(3).substring(1);
                components.add(new Component(name, getter.group(1).trim()));
            }
            return components;
        }

        /** Enum constants, in declaration order. */
        List<String> constants() {
            int end = bodyClose;
            int depth = 0;
            for (int i = bodyOpen + 1; i < bodyClose; i++) {
                char c = file.masked.charAt(i);
                if (c == '(' || c == '{' || c == '[') {
                    depth++;
                } else if (c == ')' || c == '}' || c == ']') {
                    depth--;
                } else if (c == ';' && depth == 0) {
                    end = i;
                    break;
                }
            }
            List<String> constants = new ArrayList<>();
            for (int[] part : file.spans(bodyOpen + 1, end)) {
                String masked = file.masked.substring(part[0], part[1]);
                Matcher name = LEADING_IDENTIFIER.matcher(withoutAnnotations(masked, masked).trim());
                if (name.find()) {
                    constants.add(name.group());
                }
            }
            return constants;
        }

        /** The methods (and constructors) declared directly in this type's body. */
        List<Method> methods() {
            List<Method> methods = new ArrayList<>();
            String m = file.masked;
            int depth = 0;
            int statementStart = bodyOpen + 1;
            for (int i = bodyOpen + 1; i < bodyClose; i++) {
                char c = m.charAt(i);
                if (c == '{' && depth == 0) {
                    int close = file.matching(i);
                    String signatureMasked = m.substring(statementStart, i);
                    String signature = withoutAnnotations(file.code.substring(statementStart, i), signatureMasked);
                    Matcher header = METHOD_HEADER.matcher(withoutAnnotations(signatureMasked, signatureMasked));
                    if (header.matches() && !stripModifiers(header.group(1)).matches("record|class|interface|enum")) {
                        methods.add(new Method(this, header.group(2), stripModifiers(header.group(1)),
                                signature.substring(header.start(3), header.end(3)), i, close));
                    }
                    i = close;
                    statementStart = close + 1;
                } else if (c == '(' || c == '[') {
                    depth++;
                } else if (c == ')' || c == ']') {
                    depth--;
                } else if ((c == ';' || c == '}') && depth == 0) {
                    statementStart = i + 1;
                }
            }
            return methods;
        }
    }

    /** A record component: its serialised name and its declared type as written. */
    record Component(String name, String type) {

        static Component parse(String code, String masked) {
            Matcher property = JSON_PROPERTY.matcher(code);
            String jsonName = property.find() ? property.group(1) : null;
            String text = withoutAnnotations(code, masked).replaceAll("\\bfinal\\s+", "").replaceAll("\\s+", " ").trim();
            int split = text.lastIndexOf(' ');
            String name = text.substring(split + 1).trim();
            String type = text.substring(0, split).trim();
            return new Component(jsonName != null ? jsonName : name, type);
        }
    }

    /** A method: name, return type (empty for a constructor), parameter list and body range. */
    record Method(TypeDecl owner, String name, String returnType, String parameters, int bodyOpen, int bodyClose) {

        String body() {
            return owner.file.code.substring(bodyOpen, bodyClose + 1);
        }

        String maskedBody() {
            return owner.file.masked.substring(bodyOpen, bodyClose + 1);
        }

        boolean contains(int offset) {
            return offset > bodyOpen && offset < bodyClose;
        }
    }

    /** A call found in the source, with its arguments as written (comments removed). */
    record Call(int offset, List<String> arguments) {
    }

    private static final Pattern TYPE_DECLARATION = Pattern.compile("(?<![.\\w])(class|interface|enum|record)\\s+([A-Z]\\w*)");
    private static final Pattern LEADING_IDENTIFIER = Pattern.compile("^[A-Za-z_$][\\w$]*");
    private static final Pattern GETTER = Pattern.compile(
            "(?m)^\\s*public\\s+(?!static\\b)([\\w<>\\[\\], ?.]+?)\\s+(get|is)([A-Z]\\w*)\\s*\\(\\s*\\)");
    private static final Pattern JSON_PROPERTY = Pattern.compile("@(?:[\\w.]*\\.)?JsonProperty\\s*\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"");
    private static final Pattern METHOD_HEADER = Pattern.compile(
            "(?s)\\s*([\\w<>\\[\\],.?\\s]*?)\\b([A-Za-z_]\\w*)\\s*\\(([^()]*)\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\s*");
    private static final Pattern STRING_CONSTANT = Pattern.compile(
            "\\bstatic\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*;");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?!static\\b)([\\w.]+(?:\\.\\*)?)\\s*;");

    final Path path;
    final String text;
    final String code;
    final String masked;
    final String packageName;
    final List<String> imports = new ArrayList<>();
    final List<TypeDecl> types = new ArrayList<>();

    private JavaSource(Path path, String text) {
        this.path = path;
        this.text = text;
        String[] views = blank(text);
        this.code = views[0];
        this.masked = views[1];
        Matcher pkg = PACKAGE.matcher(code);
        this.packageName = pkg.find() ? pkg.group(1) : "";
        Matcher imported = IMPORT.matcher(code);
        while (imported.find()) {
            imports.add(imported.group(1));
        }
        findTypes();
    }

    static JavaSource read(Path path) {
        try {
            return new JavaSource(path, Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JavaSource of(String name, String text) {
        return new JavaSource(Path.of(name), text);
    }

    String fileName() {
        return path.getFileName().toString();
    }

    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** {@code static final String NAME = "value";} declarations of this file. */
    Map<String, String> stringConstants() {
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher m = STRING_CONSTANT.matcher(code);
        while (m.find()) {
            constants.put(m.group(1), m.group(2));
        }
        return constants;
    }

    /** Every string literal matching the pattern (the whole literal), with its offset. */
    Map<Integer, String> literals(Pattern literal) {
        Map<Integer, String> found = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"(" + literal.pattern() + ")\"").matcher(code);
        while (m.find()) {
            found.put(m.start(1), m.group(1));
        }
        return found;
    }

    /** Calls {@code receiver.method(...)} and their top-level arguments. */
    List<Call> calls(String receiver, String method) {
        List<Call> calls = new ArrayList<>();
        Matcher m = Pattern.compile("\\b" + Pattern.quote(receiver) + "\\s*\\.\\s*" + Pattern.quote(method) + "\\s*\\(")
                .matcher(masked);
        while (m.find()) {
            int open = m.end() - 1;
            calls.add(new Call(m.start(), splitTopLevel(open + 1, matching(open))));
        }
        return calls;
    }

    /** The text of the statement that initialises {@code name} (from {@code name =} to its {@code ;}). */
    String initializer(String name) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*=(?!=)").matcher(masked);
        if (!m.find()) {
            return null;
        }
        int depth = 0;
        for (int i = m.end(); i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ';' && depth == 0) {
                return code.substring(m.end(), i);
            }
        }
        return null;
    }

    TypeDecl innermostTypeAt(int offset) {
        TypeDecl innermost = null;
        for (TypeDecl t : types) {
            if (offset > t.bodyOpen && offset < t.bodyClose && (innermost == null || t.bodyOpen > innermost.bodyOpen)) {
                innermost = t;
            }
        }
        return innermost;
    }

    Method methodAt(int offset) {
        TypeDecl type = innermostTypeAt(offset);
        if (type == null) {
            return null;
        }
        return type.methods().stream().filter(m -> m.contains(offset)).findFirst().orElse(null);
    }

    int matching(int open) {
        char o = masked.charAt(open);
        char c = switch (o) {
            case '(' -> ')';
            case '{' -> '}';
            case '[' -> ']';
            case '<' -> '>';
            default -> throw new IllegalArgumentException("not a bracket at " + open + " in " + path);
        };
        int depth = 0;
        for (int i = open; i < masked.length(); i++) {
            char ch = masked.charAt(i);
            if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced " + o + " at line " + lineOf(open) + " of " + path);
    }

    /** Splits {@code [from, to)} at commas outside any brackets (generics included); returns the code text of each part. */
    List<String> splitTopLevel(int from, int to) {
        return spans(from, to).stream().map(p -> code.substring(p[0], p[1])).toList();
    }

    /** Splits a type's argument list such as {@code Urgency, List<String>} at its top-level commas. */
    static List<String> splitTopLevelText(String text) {
        return of("arguments", text).splitTopLevel(0, text.length());
    }

    /** The [start, end) offsets of the parts {@link #splitTopLevel} returns. */
    List<int[]> spans(int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = masked.charAt(i);
            if (c == '(' || c == '{' || c == '[' || c == '<') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']' || (c == '>' && masked.charAt(i - 1) != '-')) {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (!code.substring(start, to).isBlank()) {
            parts.add(new int[] {start, to});
        }
        return parts;
    }

    /**
     * {@code text} without its annotations (with their arguments), found in {@code masked}, the same text with
     * literal contents blanked, so that brackets inside an annotation's string argument cannot mislead.
     */
    static String withoutAnnotations(String text, String masked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < masked.length()) {
            char c = masked.charAt(i);
            if (c == '@' && i + 1 < masked.length() && Character.isJavaIdentifierStart(masked.charAt(i + 1))) {
                i++;
                while (i < masked.length() && (Character.isJavaIdentifierPart(masked.charAt(i)) || masked.charAt(i) == '.')) {
                    i++;
                }
                int j = i;
                while (j < masked.length() && Character.isWhitespace(masked.charAt(j))) {
                    j++;
                }
                if (j < masked.length() && masked.charAt(j) == '(') {
                    int depth = 0;
                    for (; j < masked.length(); j++) {
                        if (masked.charAt(j) == '(') {
                            depth++;
                        } else if (masked.charAt(j) == ')' && --depth == 0) {
                            break;
                        }
                    }
                    i = j + 1;
                }
                out.append(' ');
                continue;
            }
            out.append(text.charAt(i));
            i++;
        }
        return out.toString();
    }

    private static String stripModifiers(String returnPart) {
        String t = returnPart.trim();
        t = t.replaceAll("\\b(public|protected|private|static|final|synchronized|abstract|default|native)\\b", "").trim();
        if (t.startsWith("<")) {
            int depth = 0;
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) == '<') {
                    depth++;
                } else if (t.charAt(i) == '>' && --depth == 0) {
                    t = t.substring(i + 1).trim();
                    break;
                }
            }
        }
        return t;
    }

    private void findTypes() {
        Matcher m = TYPE_DECLARATION.matcher(masked);
        List<TypeDecl> found = new ArrayList<>();
        while (m.find()) {
            String kind = m.group(1);
            int headerOpen = -1;
            int headerClose = -1;
            int cursor = m.end();
            if (kind.equals("record")) {
                int i = skipWhitespace(cursor);
                if (i < masked.length() && masked.charAt(i) == '<') {
                    i = skipWhitespace(matching(i) + 1);
                }
                if (i >= masked.length() || masked.charAt(i) != '(') {
                    continue; // "record" used as a word, not a declaration
                }
                headerOpen = i;
                headerClose = matching(i);
                cursor = headerClose + 1;
            }
            int open = masked.indexOf('{', cursor);
            int semicolon = masked.indexOf(';', cursor);
            if (open < 0 || (semicolon >= 0 && semicolon < open)) {
                continue;
            }
            found.add(new TypeDecl(this, kind, m.group(2), m.group(2), m.start(), open, matching(open), headerOpen, headerClose));
        }
        for (TypeDecl t : found) {
            types.add(new TypeDecl(this, t.kind, t.simpleName, nestedName(t, found), t.start, t.bodyOpen, t.bodyClose,
                    t.headerOpen, t.headerClose));
        }
    }

    private static String nestedName(TypeDecl t, List<TypeDecl> all) {
        TypeDecl outer = null;
        for (TypeDecl o : all) {
            if (o != t && t.start > o.bodyOpen && t.start < o.bodyClose && (outer == null || o.bodyOpen > outer.bodyOpen)) {
                outer = o;
            }
        }
        return outer == null ? t.simpleName : nestedName(outer, all) + "." + t.simpleName;
    }

    private int skipWhitespace(int i) {
        while (i < masked.length() && Character.isWhitespace(masked.charAt(i))) {
            i++;
        }
        return i;
    }

    /** [code without comments, code without comments or literal contents], both as long as the text. */
    private static String[] blank(String text) {
        StringBuilder code = new StringBuilder(text.length());
        StringBuilder masked = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                while (i < n && text.charAt(i) != '\n') {
                    code.append(' ');
                    masked.append(' ');
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    char k = text.charAt(i) == '\n' ? '\n' : ' ';
                    code.append(k);
                    masked.append(k);
                }
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                while (end > 0 && text.charAt(end - 1) == '\\') {
                    end = text.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                for (; i < end; i++) {
                    char k = text.charAt(i);
                    code.append(k);
                    masked.append(k == '\n' ? '\n' : (k == '"' ? '"' : ' '));
                }
            } else if (c == '"' || c == '\'') {
                code.append(c);
                masked.append(c);
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        code.append(text, i, i + 2);
                        masked.append("  ");
                        i += 2;
                        continue;
                    }
                    code.append(text.charAt(i));
                    masked.append(' ');
                    i++;
                }
                if (i < n) {
                    code.append(text.charAt(i));
                    masked.append(text.charAt(i));
                    i++;
                }
            } else {
                code.append(c);
                masked.append(c);
                i++;
            }
        }
        return new String[] {code.toString(), masked.toString()};
    }
}
