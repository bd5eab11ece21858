package dev.imagecensus.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ContinueTokenTest {

  @Test
  void shouldRoundTripWhenEncodedAndDecoded() {
    ContinueToken token = ContinueToken.after(42, "default/web-1");

    ContinueToken decoded = ContinueToken.decode(token.encode());

    assertThat(decoded).isEqualTo(token);
    assertThat(decoded.start()).isEqualTo("default/web-1\u0000");
    assertThat(new String(Base64.getUrlDecoder().decode(token.encode()), StandardCharsets.UTF_8))
        .isEqualTo("{\"v\":\"meta.k8s.io/v1\",\"rv\":42,\"start\":\"default/web-1\\u0000\"}");
  }

  @Test
  void shouldRejectWithBadRequestWhenTokenIsGarbage() {
    for (String garbage : new String[] {"!!!", "e30", Base64.getUrlEncoder().encodeToString("[1]".getBytes())}) {
      assertThatThrownBy(() -> ContinueToken.decode(garbage))
          .isInstanceOfSatisfying(ApiStatus.class, s -> assertThat(s.code()).isEqualTo(400));
    }
  }
}
