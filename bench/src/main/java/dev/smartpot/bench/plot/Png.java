package dev.smartpot.bench.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes a chart as a PNG file without a display (benchmarks run on headless machines and CI). */
public final class Png {

    static {
        // Must be set before AWT loads; a machine without X would otherwise fail at the first font lookup.
        System.setProperty("java.awt.headless", "true");
    }

    private Png() {
    }

    /** Writes {@code chart} to {@code file}, whose name must end in .png (parent folders created); returns the file. */
    public static Path write(Chart<?, ?> chart, Path file) {
        requirePngName(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            // saveBitmap appends ".png" when the name lacks it; the name was checked above.
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file
                    + " (check that the folder is writable and the disk is not full)", e);
        }
    }

    private static void requirePngName(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".png")) {
            throw new IllegalArgumentException("a chart file must end in .png, got " + name
                    + ": give the name with .png");
        }
    }
}
