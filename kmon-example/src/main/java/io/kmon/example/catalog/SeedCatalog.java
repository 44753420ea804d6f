package io.kmon.example.catalog;

import java.time.Instant;
import java.util.List;

/**
 * The entries and categories the in-memory catalog starts with: a small company video
 * library, fixed so that tests and the README can name real ids.
 */
public final class SeedCatalog {
    /** Categories as (id, name). */
    static final List<String[]> CATEGORIES = List.of(
            new String[] {"cat_allhands", "All-hands meetings"},
            new String[] {"cat_onboarding", "Onboarding"},
            new String[] {"cat_engineering", "Engineering talks"},
            new String[] {"cat_product", "Product demos"},
            new String[] {"cat_training", "Training"},
            new String[] {"cat_marketing", "Marketing"});

    private SeedCatalog() {}

    /** The starting entries, all last updated at {@code updatedAt}. */
    public static List<Media> media(Instant updatedAt) {
        String at = updatedAt.toString();
        return List.of(
                entry("0_a1b2c3d4", "Quarterly all-hands: Q3 results", "Revenue, hiring and the roadmap for Q4.",
                        "cat_allhands", List.of("quarterly", "results", "roadmap"), 3_540, MediaStatus.READY, 1_204, at),
                entry("0_e5f6g7h8", "All-hands: new office tour", "A walk through the new building, floor by floor.",
                        "cat_allhands", List.of("office", "tour"), 1_260, MediaStatus.READY, 877, at),
                entry("0_i9j0k1l2", "Quarterly all-hands: Q4 kickoff", "Goals for the last quarter of the year.",
                        "cat_allhands", List.of("quarterly", "goals"), 3_120, MediaStatus.PROCESSING, 0, at),
                entry("0_m3n4o5p6", "Onboarding: setting up your laptop", "Accounts, VPN, and the developer toolchain.",
                        "cat_onboarding", List.of("laptop", "setup", "vpn"), 840, MediaStatus.READY, 2_310, at),
                entry("0_q7r8s9t0", "Onboarding: security basics", "Passwords, phishing and how to report an incident.",
                        "cat_onboarding", List.of("security", "phishing"), 1_020, MediaStatus.READY, 2_045, at),
                entry("0_u1v2w3x4", "Onboarding: how we ship", "From a pull request to production in one afternoon.",
                        "cat_onboarding", List.of("deploy", "process", "ci"), 1_380, MediaStatus.READY, 1_566, at),
                entry("0_y5z6a7b8", "Engineering talk: monitoring without a vendor",
                        "Counting, timing and alerting inside the process, with no external service.",
                        "cat_engineering", List.of("monitoring", "metrics", "alerts"), 2_700, MediaStatus.READY, 642, at),
                entry("0_c9d0e1f2", "Engineering talk: Java records in practice", "Where records help and where they do not.",
                        "cat_engineering", List.of("java", "records"), 2_160, MediaStatus.READY, 918, at),
                entry("0_g3h4i5j6", "Engineering talk: annotation processors", "Generating code at compile time with javac.",
                        "cat_engineering", List.of("java", "compiler", "codegen"), 2_940, MediaStatus.READY, 455, at),
                entry("0_k7l8m9n0", "Engineering talk: latency percentiles", "Why the average lies and what p99 tells you.",
                        "cat_engineering", List.of("latency", "metrics", "performance"), 1_980, MediaStatus.READY, 731, at),
                entry("0_o1p2q3r4", "Engineering talk: incident review, March outage", "What failed, what we changed.",
                        "cat_engineering", List.of("incident", "outage", "postmortem"), 2_400, MediaStatus.PROCESSING, 0, at),
                entry("0_s5t6u7v8", "Product demo: the new video editor", "Trimming, chapters and captions in the browser.",
                        "cat_product", List.of("editor", "captions", "demo"), 900, MediaStatus.READY, 3_402, at),
                entry("0_w9x0y1z2", "Product demo: live streaming", "Going live with one click, and recording to the library.",
                        "cat_product", List.of("live", "streaming", "demo"), 1_140, MediaStatus.READY, 2_876, at),
                entry("0_a3b4c5d6", "Product demo: analytics dashboard", "Views, watch time and engagement per video.",
                        "cat_product", List.of("analytics", "dashboard", "demo"), 780, MediaStatus.READY, 1_990, at),
                entry("0_e7f8g9h0", "Product demo: mobile app preview", "Offline playback and downloads on the phone.",
                        "cat_product", List.of("mobile", "offline", "demo"), 660, MediaStatus.PROCESSING, 0, at),
                entry("0_i1j2k3l4", "Training: giving feedback", "Clear, kind and specific feedback in five minutes.",
                        "cat_training", List.of("feedback", "management"), 540, MediaStatus.READY, 1_312, at),
                entry("0_m5n6o7p8", "Training: running effective meetings", "Agendas, notes and ending on time.",
                        "cat_training", List.of("meetings", "productivity"), 720, MediaStatus.READY, 1_128, at),
                entry("0_q9r0s1t2", "Training: accessibility for video", "Captions, transcripts and audio descriptions.",
                        "cat_training", List.of("accessibility", "captions"), 1_080, MediaStatus.READY, 604, at),
                entry("0_u3v4w5x6", "Training: data privacy essentials", "What personal data is and how we protect it.",
                        "cat_training", List.of("privacy", "security", "compliance"), 960, MediaStatus.READY, 1_845, at),
                entry("0_y7z8a9b0", "Marketing: spring launch teaser", "Thirty seconds of what is coming.",
                        "cat_marketing", List.of("launch", "teaser"), 30, MediaStatus.READY, 15_730, at),
                entry("0_c1d2e3f4", "Marketing: customer story, a university library",
                        "How a library put ten thousand lectures online.",
                        "cat_marketing", List.of("customer", "education", "story"), 300, MediaStatus.READY, 4_221, at),
                entry("0_g5h6i7j8", "Marketing: webinar, video at scale", "Hosting, delivery and search for large libraries.",
                        "cat_marketing", List.of("webinar", "scale", "delivery"), 3_300, MediaStatus.READY, 2_019, at));
    }

    private static Media entry(String id, String title, String description, String categoryId, List<String> tags,
            int durationSeconds, MediaStatus status, long views, String updatedAt) {
        return new Media(id, title, description, categoryId, tags, durationSeconds, status, views, updatedAt);
    }
}
