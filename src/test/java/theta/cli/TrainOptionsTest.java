package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import theta.train.Recipe;
import theta.train.TrainConfig;

class TrainOptionsTest {
    private static TrainConfig config(String... args) {
        return CommandLine.populateCommand(new TrainOptions(), args).config();
    }

    @Test
    void theRecipesRateIsScaledByTheActivationWhenNoRateIsGiven() {
        double base = Recipe.DEFAULT.config().learningRate();
        assertEquals(base, config().learningRate(), 0);
        assertEquals(base, config("--activation", "tanh").learningRate(), 0);
        assertEquals(base * 0.1, config("--activation", "cube").learningRate(), 1e-15);
        assertEquals(base * 0.5, config("--activation", "squareplus:b=2").learningRate(), 1e-15);
    }

    @Test
    void aGivenRateIsUsedAsIs() {
        assertEquals(0.3, config("--activation", "cube", "--lr", "0.3").learningRate(), 0);
    }

    @Test
    void optionsOverrideTheRecipeOneByOne() {
        TrainConfig c = config("--recipe", "best", "--epochs", "3", "--dropout", "0.1");
        TrainConfig best = Recipe.BEST.config();
        assertEquals(3, c.epochs());
        assertEquals(0.1, c.miniBatch().hiddenDropout(), 0);
        assertEquals(best.hidden()[0], c.hidden()[0]);
        assertEquals(best.miniBatch().maxNorm(), c.miniBatch().maxNorm(), 0);
    }

    @Test
    void anUnknownActivationIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config("--activation", "nosuch"));
        assertEquals(true, e.getMessage().contains("nosuch"), e.getMessage());
    }
}
