package exchange.safeguarding.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The main Java sources one service compiles against: its own and platform-kit's. Types are resolved the way
 * the compiler would for the cases this project uses: same file, explicit import, same package, wildcard import,
 * or a dotted nested name such as {@code ConcernRouting.Recipient}.
 */
final class SourceTree {

    final String service;
    final List<JavaSource> serviceFiles;
    private final List<JavaSource> allFiles;

    SourceTree(String service, List<JavaSource> serviceFiles, List<JavaSource> kitFiles) {
        this.service = service;
        this.serviceFiles = serviceFiles;
        this.allFiles = Stream.concat(serviceFiles.stream(), kitFiles.stream()).toList();
    }

    static List<JavaSource> readAll(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().map(JavaSource::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The declaration a type name written in {@code from} refers to, or null when it is not in these sources. */
    JavaSource.TypeDecl resolve(String typeName, JavaSource from) {
        String name = typeName.trim();
        if (name.contains(".")) {
            List<JavaSource.TypeDecl> byName = declarations()
                    .filter(t -> t.qualifiedName().equals(name) || t.nestedName().equals(name)
                            || t.nestedName().endsWith("." + name))
                    .toList();
            return unique(byName, name, from);
        }
        List<JavaSource.TypeDecl> candidates = declarations().filter(t -> t.simpleName().equals(name)).toList();
        if (candidates.size() <= 1) {
            return candidates.isEmpty() ? null : candidates.get(0);
        }
        List<JavaSource.TypeDecl> sameFile = candidates.stream().filter(t -> t.file() == from).toList();
        if (!sameFile.isEmpty()) {
            return unique(sameFile, name, from);
        }
        List<JavaSource.TypeDecl> imported = candidates.stream().filter(t -> from.imports.contains(t.qualifiedName())).toList();
        if (!imported.isEmpty()) {
            return unique(imported, name, from);
        }
        List<JavaSource.TypeDecl> samePackage = candidates.stream()
                .filter(t -> t.topLevel() && t.file().packageName.equals(from.packageName)).toList();
        if (!samePackage.isEmpty()) {
            return unique(samePackage, name, from);
        }
        List<JavaSource.TypeDecl> wildcard = candidates.stream()
                .filter(t -> t.topLevel() && from.imports.contains(t.file().packageName + ".*")).toList();
        return unique(wildcard, name, from);
    }

    /**
     * A type named in the document ({@code x-java-enum}): a top-level simple name, or a dotted nested name,
     * looked up in the service's sources and platform-kit's.
     */
    JavaSource.TypeDecl named(String name) {
        List<JavaSource.TypeDecl> found = declarations()
                .filter(t -> name.contains(".") ? t.nestedName().equals(name) : t.topLevel() && t.simpleName().equals(name))
                .toList();
        return unique(found, name, null);
    }

    /** The file declaring the constants a qualifier such as {@code ConcernEvents} names, seen from {@code from}. */
    JavaSource fileOf(String qualifier, JavaSource from) {
        JavaSource.TypeDecl type = resolve(qualifier, from);
        return type == null ? null : type.file();
    }

    private Stream<JavaSource.TypeDecl> declarations() {
        return allFiles.stream().flatMap(f -> f.types.stream());
    }

    private JavaSource.TypeDecl unique(List<JavaSource.TypeDecl> found, String name, JavaSource from) {
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            return null;
        }
        List<String> where = new ArrayList<>();
        found.forEach(t -> where.add(t.qualifiedName()));
        throw new IllegalStateException(service + ": the type " + name + (from == null ? "" : " in " + from.fileName())
                + " could be any of " + where + "; qualify it");
    }
}
