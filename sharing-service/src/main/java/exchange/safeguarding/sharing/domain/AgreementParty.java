package exchange.safeguarding.sharing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** An organisation named by an agreement version: the index decisions look agreements up by. */
@Entity
@Table(name = "agreement_party")
@IdClass(AgreementParty.Key.class)
public class AgreementParty {

    public record Key(UUID versionId, String organisation) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "version_id")
    public UUID versionId;

    @Id
    public String organisation;
}
