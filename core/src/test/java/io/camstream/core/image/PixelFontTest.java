package io.camstream.core.image;

import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PixelFontTest {

    private static final int WHITE = 0xFFFFFF;
    private static final int RED = 0xFF0000;

    @Test
    void widthCountsSixDotsPerCharacterWithoutTheLastGap() {
        PixelFont font = new PixelFont(2);

        assertThat(font.width("AB")).isEqualTo((2 * 6 - 1) * 2);
        assertThat(font.width("")).isZero();
        assertThat(font.height()).isEqualTo(14);
    }

    @Test
    void fittingCharactersIsTheMostThatFit() {
        PixelFont font = new PixelFont(3);
        int room = 100;

        int fitting = font.fittingCharacters(room);

        assertThat(font.width("X".repeat(fitting))).isLessThanOrEqualTo(room);
        assertThat(font.width("X".repeat(fitting + 1))).isGreaterThan(room);
    }

    @Test
    void drawsOnlyInsideTheTextBox() {
        PixelFont font = new PixelFont(3);
        BufferedImage image = blank(200, 60);

        font.draw(image, "HELLO 42", 10, 20, WHITE);

        Rectangle box = new Rectangle(10, 20, font.width("HELLO 42"), font.height());
        assertThat(count(image, WHITE, box)).isPositive();
        assertThat(count(image, WHITE, box)).isEqualTo(count(image, WHITE, bounds(image)));
    }

    @Test
    void lowerCaseIsDrawnAsUpperCase() {
        assertThat(dots("camera 1")).isEqualTo(dots("CAMERA 1"));
    }

    @Test
    void unknownCharactersAreDrawnAsBoxes() {
        assertThat(dots("µ")).isEqualTo(dots("@")).isEqualTo("""
                #####
                #...#
                #...#
                #...#
                #...#
                #...#
                #####
                """);
    }

    @Test
    void everyListedCharacterHasItsOwnGlyph() {
        String characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:-_/()[]<>%#,'!?+=";

        assertThat(characters.chars().mapToObj(c -> dots(Character.toString(c))).distinct())
                .hasSize(characters.length())
                .doesNotContain(dots("\u2603"), dots(" "));
    }

    @Test
    void outlineRingsTheTextOneDotWide() {
        PixelFont font = new PixelFont(2);
        BufferedImage image = blank(100, 40);

        font.drawOutlined(image, "I", 10, 10, WHITE, RED);

        Rectangle grown = new Rectangle(8, 8, font.width("I") + 4, font.height() + 4);
        assertThat(count(image, RED, grown)).isPositive().isEqualTo(count(image, RED, bounds(image)));
        assertThat(dots("I").chars().filter(c -> c == '#').count() * 4).isEqualTo(count(image, WHITE));
    }

    @Test
    void boxReachesOneDotBeyondTheText() {
        PixelFont font = new PixelFont(2);
        BufferedImage image = blank(100, 40);

        font.drawBoxed(image, "AB", 10, 10, WHITE, RED);

        assertThat(image.getRGB(8, 8) & 0xFFFFFF).isEqualTo(RED);
        assertThat(image.getRGB(10 + font.width("AB") + 1, 10 + font.height() + 1) & 0xFFFFFF).isEqualTo(RED);
        assertThat(image.getRGB(7, 7) & 0xFFFFFF).isZero();
    }

    @Test
    void textPartlyOffThePictureIsClipped() {
        PixelFont font = new PixelFont(5);
        BufferedImage image = blank(20, 20);

        assertThatCode(() -> {
            font.drawOutlined(image, "CLIPPED", -12, -3, WHITE, RED);
            font.drawBoxed(image, "FAR AWAY", 500, 500, WHITE, RED);
        }).doesNotThrowAnyException();
        assertThat(count(image, WHITE, bounds(image))).isPositive();
    }

    @Test
    void drawsOnByteAndIntPictures() {
        BufferedImage bytes = new BufferedImage(40, 12, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage ints = new BufferedImage(40, 12, BufferedImage.TYPE_INT_RGB);

        new PixelFont(1).draw(bytes, "AB12", 1, 1, RED);
        new PixelFont(1).draw(ints, "AB12", 1, 1, RED);

        assertThat(count(bytes, RED)).isPositive().isEqualTo(count(ints, RED));
    }

    @Test
    void scaleBelowOneIsRejected() {
        assertThatThrownBy(() -> new PixelFont(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The text drawn at scale 1, as rows of '#' (lit) and '.' (not), one row per dot. */
    private static String dots(String text) {
        PixelFont font = new PixelFont(1);
        BufferedImage image = blank(Math.max(1, font.width(text)), font.height());
        font.draw(image, text, 0, 0, WHITE);
        StringBuilder rows = new StringBuilder();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                rows.append((image.getRGB(x, y) & 0xFFFFFF) == WHITE ? '#' : '.');
            }
            rows.append('\n');
        }
        return rows.toString();
    }

    private static BufferedImage blank(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    private static Rectangle bounds(BufferedImage image) {
        return new Rectangle(0, 0, image.getWidth(), image.getHeight());
    }

    private static int count(BufferedImage image, int rgb) {
        return count(image, rgb, bounds(image));
    }

    private static int count(BufferedImage image, int rgb, Rectangle area) {
        Rectangle inside = area.intersection(bounds(image));
        int n = 0;
        for (int y = inside.y; y < inside.y + inside.height; y++) {
            for (int x = inside.x; x < inside.x + inside.width; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
