package io.activationsuite.sink.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OAuth2TokenTest {

  private static OAuth2Token ofType(String tokenType) {
    return new OAuth2Token("at-1", tokenType, Instant.EPOCH, null, null, null);
  }

  @Test
  void aProviderLabelThatIsNoHttpSchemeIsSentAsBearer() {
    assertThat(ofType("bot").authorizationHeader()).isEqualTo("Bearer at-1");
    assertThat(ofType("user").authorizationHeader()).isEqualTo("Bearer at-1");
    assertThat(ofType("N_A").authorizationHeader()).isEqualTo("Bearer at-1");
  }

  @Test
  void bearerInAnyCaseOrNoTypeIsSentAsBearer() {
    assertThat(ofType("bearer").authorizationHeader()).isEqualTo("Bearer at-1");
    assertThat(ofType("BEARER").authorizationHeader()).isEqualTo("Bearer at-1");
    assertThat(ofType(null).authorizationHeader()).isEqualTo("Bearer at-1");
    assertThat(ofType(null).tokenType()).isEqualTo("Bearer");
  }

  @Test
  void onlyATypeNamingAnotherKnownSchemeKeepsIt() {
    assertThat(ofType("DPoP").scheme()).isEqualTo("DPoP");
    assertThat(ofType("dpop").authorizationHeader()).isEqualTo("DPoP at-1");
  }
}
