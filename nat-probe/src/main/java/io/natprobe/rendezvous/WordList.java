package io.natprobe.rendezvous;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 256 words of session codes: short, common, easy to say over the phone, no two alike, so that
 * each word carries one byte.
 */
final class WordList {
    static final List<String> WORDS = List.of(
        "acid", "acorn", "actor", "adobe", "agent", "album", "alley", "alpine", "amber", "anchor", "angle",
        "apple", "apron", "arch", "arena", "arrow", "atlas", "attic", "autumn", "avenue", "badge", "bagel",
        "baker", "bamboo", "banjo", "barley", "barrel", "basil", "basket", "beacon", "beaver", "bench",
        "berry", "bicycle", "biscuit", "blanket", "blossom", "boat", "bonnet", "border", "bottle", "boulder",
        "bracket", "branch", "bread", "breeze", "brick", "bridge", "bronze", "brook", "bubble", "bucket",
        "buffalo", "bugle", "butter", "button", "cabin", "cactus", "camel", "camera", "candle", "canoe",
        "canvas", "canyon", "captain", "carbon", "cargo", "carpet", "carrot", "castle", "cedar", "cello",
        "chalk", "channel", "cherry", "chess", "chimney", "cider", "circle", "citrus", "clover", "cobalt",
        "cocoa", "comet", "compass", "copper", "coral", "cotton", "cousin", "crane", "crayon", "cricket",
        "crystal", "cupboard", "curtain", "cypress", "daisy", "dancer", "delta", "desert", "diamond",
        "dinner", "dolphin", "domino", "donkey", "dragon", "drum", "eagle", "easel", "echo", "elbow",
        "ember", "engine", "falcon", "feather", "fern", "fiddle", "field", "finch", "flag", "flute",
        "forest", "fossil", "fountain", "fox", "garden", "garlic", "gecko", "ginger", "glacier", "globe",
        "goose", "granite", "grape", "gravel", "guitar", "hammer", "harbor", "harvest", "hazel", "helmet",
        "heron", "hickory", "honey", "horizon", "igloo", "island", "ivory", "jacket", "jaguar", "jasmine",
        "jelly", "jigsaw", "jungle", "kayak", "kettle", "kitten", "koala", "ladder", "lagoon", "lantern",
        "laser", "lemon", "lettuce", "lilac", "linen", "lizard", "lobster", "locket", "lotus", "magnet",
        "mango", "maple", "marble", "meadow", "melon", "meteor", "mirror", "mitten", "monkey", "mosaic",
        "muffin", "mustard", "napkin", "nectar", "needle", "nickel", "noodle", "nutmeg", "oasis", "ocean",
        "olive", "onion", "opal", "orbit", "orchid", "otter", "oyster", "paddle", "palace", "panda", "paper",
        "parrot", "pasta", "peach", "pebble", "pencil", "pepper", "piano", "pickle", "pigeon", "pillow",
        "pilot", "planet", "plaza", "plum", "pocket", "polar", "pony", "poppy", "potato", "prism", "pumpkin",
        "puzzle", "quartz", "quill", "rabbit", "radar", "radish", "raven", "ribbon", "river", "robin",
        "rocket", "rose", "saddle", "salmon", "satin", "scarf", "shadow", "shell", "silver", "sketch",
        "sled", "slipper", "snail", "sparrow", "spider", "spinach", "sponge", "spruce", "squash", "statue",
        "stone", "straw", "summit");

    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        if (WORDS.size() != 256) {
            throw new IllegalStateException("word list must hold 256 words, has " + WORDS.size());
        }
        for (int i = 0; i < WORDS.size(); i++) {
            INDEX.put(WORDS.get(i), i);
        }
    }

    private WordList() {}

    /** The word's index 0..255, or -1 when it is not in the list. */
    static int indexOf(String word) {
        return INDEX.getOrDefault(word, -1);
    }
}
