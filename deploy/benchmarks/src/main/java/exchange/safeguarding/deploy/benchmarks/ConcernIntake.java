package exchange.safeguarding.deploy.benchmarks;

import exchange.safeguarding.deploy.local.PlatformSettings;

import java.time.Duration;

/**
 * Concern intake: client threads raising routine concerns through POST /concerns as fast as the answers come,
 * each thread an agency's case system with its own gateway token. A 201 means the concern was authenticated,
 * validated, matched to a person, stored and its event written to the outbox, in one transaction.
 */
final class ConcernIntake {

    private final BenchmarkPlatform platform;

    ConcernIntake(BenchmarkPlatform platform) {
        this.platform = platform;
    }

    ClosedLoad.Result run(int threads, Duration warmUp, Duration window) throws InterruptedException {
        String concerns = platform.url(PlatformSettings.CONCERN, "/concerns");
        return ClosedLoad.run(threads, warmUp, window, thread -> {
            String organisation = BenchmarkPlatform.ORGANISATIONS.get(thread % BenchmarkPlatform.ORGANISATIONS.size());
            PlatformApi.Answer answer = platform.api.post(concerns, platform.tokens.gateway(organisation),
                    InventedConcerns.routine());
            return answer.status() == 201 ? ClosedLoad.OK : "HTTP " + answer.status();
        });
    }
}
