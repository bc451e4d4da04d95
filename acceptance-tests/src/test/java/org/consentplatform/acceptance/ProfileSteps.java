package org.consentplatform.acceptance;

import io.cucumber.java.en.Given;
import org.consentplatform.acceptance.support.World;

import java.util.List;
import java.util.Map;

/** The profile most scenarios start from; the world keeps it for the steps that follow. */
public class ProfileSteps {

    private final World world;

    public ProfileSteps(World world) {
        this.world = world;
    }

    @Given("a profile whose purpose {string} is {word} on EMAIL")
    public void profile(String purpose, String model) {
        world.profile(World.unique("profile"));
        World.ok(world.createProfile(world.profile(), List.of(World.purpose(purpose, "COMMERCIAL", Map.of("EMAIL", model), List.of()))));
    }
}
