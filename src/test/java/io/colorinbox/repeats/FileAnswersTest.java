package io.colorinbox.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.colorinbox.api.ColorResult;
import org.junit.jupiter.api.Test;

class FileAnswersTest {

    private static KeptAnswer answer(String key, int padding) {
        return KeptAnswer.of(key, ColorResult.answered(0, key, 200, 1, 1,
                JsonNodeFactory.instance.objectNode().put("pad", "x".repeat(padding))), padding + 10);
    }

    @Test
    void oneRowLeadsTheOthersWaitAndTheAnswerIsThenAHit() throws InterruptedException {
        FileAnswers answers = new FileAnswers(1 << 20);
        FileAnswers.Turn first = answers.join("k");
        assertThat(first).isInstanceOf(FileAnswers.Lead.class);
        FileAnswers.Turn second = answers.join("k");
        assertThat(second).isEqualTo(new FileAnswers.Wait(((FileAnswers.Lead) first).flight()));

        KeptAnswer kept = answer("k", 10);
        answers.settle("k", ((FileAnswers.Lead) first).flight(), kept);
        assertThat(((FileAnswers.Wait) second).flight().await()).as("the waiting row goes on with it").isSameAs(kept);
        assertThat(answers.join("k")).isEqualTo(new FileAnswers.Hit(kept));
    }

    @Test
    void aFailedCallLeavesNoAnswerSoTheNextRowLeadsAgain() throws InterruptedException {
        FileAnswers answers = new FileAnswers(1 << 20);
        FileAnswers.Lead lead = (FileAnswers.Lead) answers.join("k");
        FileAnswers.Wait waiting = (FileAnswers.Wait) answers.join("k");
        answers.settle("k", lead.flight(), null);
        assertThat(waiting.flight().await()).as("no answer: the waiting row calls on its own").isNull();
        assertThat(answers.join("k")).isInstanceOf(FileAnswers.Lead.class);
    }

    @Test
    void theAnswersKeptStayWithinTheBoundInBytes() {
        long bound = 64 * 1024;
        FileAnswers answers = new FileAnswers(bound);
        for (int i = 0; i < 5_000; i++) {
            String key = "GET item-" + i + "?\n";
            FileAnswers.Lead lead = (FileAnswers.Lead) answers.join(key);
            answers.settle(key, lead.flight(), answer(key, 200));
        }
        assertThat(answers.keptBytes()).isPositive().isLessThanOrEqualTo(bound);
    }
}
