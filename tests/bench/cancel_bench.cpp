// How fast a cancelled training run stops (tst_trainer checks only that it stops within the running iteration):
// long iterations (hundreds of ms), a cancel raised at a different point inside one each time, the time from the
// request to run() returning. Prints, never asserts.
//   build/ci/tests/bench/cancel_bench [repeats]
#include "common/problem.h"
#include "model/rng.h"
#include "train/trainer.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

using namespace lstm;

namespace {
std::shared_ptr<const Corpus> grammarCorpus(int sentences) {
  const char *subjects[] = {"the cat", "a dog", "my bird", "the old fox"};
  const char *verbs[] = {" sees", " chases", " likes", " follows"};
  const char *objects[] = {" the mouse.", " a ball.", " the moon.", " my hat."};
  Rng rng(7);
  std::u32string text;
  for (int k = 0; k < sentences; ++k) {
    for (const char *part : {subjects[rng.below(4)], verbs[rng.below(4)], objects[rng.below(4)]})
      for (const char *c = part; *c; ++c)
        text += char32_t(*c);
    text += k % 3 == 2 ? U'\n' : U' ';
  }
  Problem problem;
  auto corpus = corpusFromText(text, QStringLiteral("grammar"), CorpusOptions{}, &problem);
  if (!corpus)
    qFatal("%s", qPrintable(problemInEnglish(problem)));
  return std::make_shared<const Corpus>(std::move(*corpus));
}
} // namespace

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  const auto corpus = grammarCorpus(6000);
  TrainerConfig config;
  config.hiddenSize = 384;
  config.numLayers = 1;
  config.seqLength = 128;
  config.batchSize = 16;
  config.iterations = 1000;
  config.evalEvery = 0;
  config.threads = 2;
  config.seed = 99;
  using Clock = std::chrono::steady_clock;
  std::vector<double> latencies;
  for (int r = 0; r < repeats; ++r) {
    Trainer trainer(corpus, config);
    std::atomic<bool> cancel{false};
    std::atomic<std::int64_t> completed{0};
    Clock::time_point lastIteration, raised;
    std::atomic<double> iterationMs{0.0};
    std::thread stopper([&] {
      while (completed.load() < 2)
        std::this_thread::yield();
      // Land at a different fraction of the next iteration each time.
      const double into = iterationMs.load() * (0.1 + 0.8 * double(r) / double(std::max(1, repeats - 1)));
      std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(into));
      raised = Clock::now();
      cancel = true;
    });
    trainer.run(cancel, [&](const TrainingProgress &p) {
      const auto now = Clock::now();
      if (p.iteration > 1)
        iterationMs = std::chrono::duration<double, std::milli>(now - lastIteration).count();
      lastIteration = now;
      completed = p.iteration;
    });
    const Clock::time_point stopped = Clock::now();
    stopper.join();
    const double latency = std::chrono::duration<double, std::milli>(stopped - raised).count();
    latencies.push_back(latency);
    std::printf("run %d: iteration %.0f ms, stopped %.1f ms after the request, after %lld iterations\n", r + 1,
                iterationMs.load(), latency, static_cast<long long>(trainer.iteration()));
  }
  std::sort(latencies.begin(), latencies.end());
  std::printf("cancel latency over %d runs: median %.1f ms, max %.1f ms\n", repeats, latencies[latencies.size() / 2],
              latencies.back());
  return 0;
}
