package io.nbci.bamboo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.Secret;
import io.nbci.launch.CommitStatusConfig;
import io.nbci.launch.NbciInvocation;
import java.util.Map;
import org.junit.Test;

public class StatusTaskConfigTest {
    private static final String TOKEN = "glpat-AbCdEf0123456789";

    private static Map<String, String> stored(String token) {
        return Map.of(StatusTaskConfig.PROVIDER, "gitlab", StatusTaskConfig.MODE, "final",
                StatusTaskConfig.CONTEXT, "nbci/scenarios", StatusTaskConfig.BASE_URL, "https://gitlab.example.com",
                StatusTaskConfig.REPOSITORY, "data/imagescore", StatusTaskConfig.TOKEN, token);
    }

    @Test
    public void shouldSendTheTokenOnlyThroughTheEnvironment() {
        NbciInvocation invocation = StatusTaskConfig.read(stored(TOKEN)).toLaunch("success").toInvocation();

        assertThat(invocation.arguments()).containsExactly("status", "--state", "success", "--provider", "gitlab",
                "--context", "nbci/scenarios", "--repo", "data/imagescore", "--base-url",
                "https://gitlab.example.com", "--token-env", CommitStatusConfig.TOKEN_VARIABLE);
        assertThat(invocation.arguments()).noneMatch(argument -> argument.contains(TOKEN));
        assertThat(invocation.environmentForProcess()).containsEntry(CommitStatusConfig.TOKEN_VARIABLE, TOKEN);
        assertThat(invocation.toString()).doesNotContain(TOKEN);
    }

    @Test
    public void shouldMaskATokenValueInEverythingThatLeavesTheServer() {
        StatusTaskConfig config = StatusTaskConfig.read(stored(TOKEN));

        assertThat(config.toMaskedMap()).containsEntry(StatusTaskConfig.TOKEN, Secret.MASK);
        assertThat(config.toMaskedMap().toString()).doesNotContain(TOKEN);
        assertThat(config.toString()).doesNotContain(TOKEN);
        assertThat(config.toMap()).containsEntry(StatusTaskConfig.TOKEN, TOKEN);
    }

    @Test
    public void shouldKeepAVariableReferenceInExports() {
        StatusTaskConfig config = StatusTaskConfig.read(stored("${bamboo.gitlab.token.password}"));

        assertThat(config.tokenIsVariableReference()).isTrue();
        assertThat(config.toMaskedMap()).containsEntry(StatusTaskConfig.TOKEN, "${bamboo.gitlab.token.password}");
        config.validate();
    }

    @Test
    public void shouldRefuseAMaskedTokenUntilItIsEnteredAgain() {
        StatusTaskConfig config = StatusTaskConfig.read(stored(Secret.MASK));

        assertThatThrownBy(config::validate).isInstanceOf(StoredConfigException.class)
                .hasMessageStartingWith("nbciToken: the token was masked when these settings were exported");
        assertThatThrownBy(() -> config.toLaunch("pending")).hasMessageStartingWith("nbciToken: the token was masked");
    }

    @Test
    public void shouldNameTheKeyOfAWrongStatusField() {
        Map<String, String> map = new java.util.HashMap<>(stored(TOKEN));
        map.put(StatusTaskConfig.SHA, "not-a-sha");

        assertThatThrownBy(() -> StatusTaskConfig.read(map).validate())
                .hasMessage("nbciSha: expected 7 to 40 hexadecimal digits, found \"not-a-sha\"");
        map.put(StatusTaskConfig.SHA, "");
        map.put(StatusTaskConfig.MODE, "sometimes");
        assertThatThrownBy(() -> StatusTaskConfig.read(map).validate())
                .hasMessage("nbciMode: expected pending or final, found \"sometimes\"");
    }
}
