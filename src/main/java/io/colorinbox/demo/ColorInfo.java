package io.colorinbox.demo;

/**
 * What the demo API answers for a color, e.g.
 * {@code {"name":"yellow","hex":"#ffff00","rgb":{"r":255,"g":255,"b":0},"hsl":{"h":60,"s":100,"l":50}}}.
 *
 * @param name the CSS name, or the hex code when no CSS name has exactly this color
 * @param hex  lower-case {@code #rrggbb}
 */
public record ColorInfo(String name, String hex, Rgb rgb, Hsl hsl) {

    /** Channels 0-255. */
    public record Rgb(int r, int g, int b) {
    }

    /** Hue in degrees 0-359, saturation and lightness in percent 0-100, each rounded to an integer. */
    public record Hsl(int h, int s, int l) {

        static Hsl of(Rgb rgb) {
            double r = rgb.r() / 255.0;
            double g = rgb.g() / 255.0;
            double b = rgb.b() / 255.0;
            double max = Math.max(r, Math.max(g, b));
            double min = Math.min(r, Math.min(g, b));
            double chroma = max - min;
            double lightness = (max + min) / 2;
            double hue = 0;
            double saturation = 0;
            if (chroma > 0) {
                saturation = chroma / (1 - Math.abs(2 * lightness - 1));
                // max is one of r, g, b itself, so == is exact here.
                if (max == r) {
                    hue = 60 * (((g - b) / chroma) % 6);
                } else if (max == g) {
                    hue = 60 * ((b - r) / chroma + 2);
                } else {
                    hue = 60 * ((r - g) / chroma + 4);
                }
            }
            // Math.floorMod: a negative hue (red with more blue than green) and 359.5 rounded up to 360 both wrap.
            int degrees = Math.floorMod(Math.round(hue), 360);
            return new Hsl(degrees, (int) Math.round(saturation * 100), (int) Math.round(lightness * 100));
        }
    }

    /** @param hex lower-case {@code #rrggbb}, as {@link HexCodes#normalize} returns it */
    static ColorInfo of(String name, String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        Rgb rgb = new Rgb((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
        return new ColorInfo(name, hex, rgb, Hsl.of(rgb));
    }
}
