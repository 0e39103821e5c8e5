package dev.archforge.deliverable.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.deliverable.architecture.SequenceDiagram.Arrow;
import org.junit.jupiter.api.Test;

class SequenceDiagramTest {
  @Test
  void writesParticipantsMessagesNotesAndBlocks() {
    SequenceDiagram d = new SequenceDiagram().actor("client_app", "Client").participant("svc_end", "end \"module\"")
        .participant("mq_broker", "Kafka");
    d.message("client_app", Arrow.CALL, "svc_end", "POST /notes; #1")
        .note("client_app", "svc_end", "A note long enough to be wrapped onto a second line of the diagram, at words")
        .open("alt", "event id already processed")
        .message("svc_end", Arrow.REPLY, "client_app", "skip")
        .otherwise("first delivery")
        .message("svc_end", Arrow.ASYNC, "mq_broker", "publish")
        .end();

    assertThat(d.text()).isEqualTo("""
        sequenceDiagram
          actor client_app as Client
          participant svc_end as end #quot;module#quot;
          participant mq_broker as Kafka
          client_app->>svc_end: POST /notes#59; #35;1
          Note over client_app,svc_end: A note long enough to be wrapped onto a second line of the<br/>diagram, at words
          alt event id already processed
            svc_end-->>client_app: skip
          else first delivery
            svc_end-)mq_broker: publish
          end""");
    assertThat(d.messages()).extracting(SequenceDiagram.Message::arrow)
        .containsExactly(Arrow.CALL, Arrow.REPLY, Arrow.ASYNC);
  }

  @Test
  void aNoteOverOneParticipantNamesItOnce() {
    SequenceDiagram d = new SequenceDiagram().participant("svc_a", "a");
    assertThat(d.note("svc_a", "svc_a", "x").text()).endsWith("Note over svc_a: x");
  }

  @Test
  void messagesAndNotesMayOnlyNameDeclaredParticipants() {
    SequenceDiagram d = new SequenceDiagram().participant("svc_a", "a");
    assertThatThrownBy(() -> d.message("svc_a", Arrow.CALL, "svc_b", "x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> d.note("svc_b", "svc_a", "x")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void participantsAreDeclaredOnceBeforeTheFirstMessageWithPrefixedIds() {
    SequenceDiagram d = new SequenceDiagram().participant("svc_a", "a");
    assertThatThrownBy(() -> d.participant("svc_a", "again")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> d.participant("end", "keyword")).isInstanceOf(IllegalArgumentException.class);
    d.participant("svc_b", "b").message("svc_a", Arrow.CALL, "svc_b", "x");
    assertThatThrownBy(() -> d.participant("svc_c", "late")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void blocksMustBeClosed() {
    SequenceDiagram d = new SequenceDiagram().participant("svc_a", "a").open("opt", "maybe");
    assertThatThrownBy(d::text).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SequenceDiagram().end()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SequenceDiagram().otherwise("x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SequenceDiagram().open("par", "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
