// Training of the comparison tanh RNN (tanh_rnn.h): the char-rnn loop of Trainer reduced to what the lesson
// needs — no validation, no checkpoints, one thread.
#include "optimizer.h"
#include "tanh_rnn.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <numeric>

namespace lstm {

TanhRnnTrainingResult trainTanhRnn(std::span<const std::int32_t> tokens, int vocabSize,
                                   const TanhRnnTrainingOptions &options, const std::atomic<bool> &cancel,
                                   const std::function<void(const TanhRnnTrainingProgress &)> &onProgress) {
  const auto started = std::chrono::steady_clock::now();
  TanhRnnTrainingResult result;
  Rng rng(options.seed);
  result.rnn = TanhRnn<float>(vocabSize, options.hiddenSize);
  result.rnn.initialize(rng);
  const std::int64_t usable = std::int64_t(tokens.size()) - 1; // every position but the last has a target
  if (usable < 1 || options.iterations <= 0)
    return result;

  // B streams of equal length, each read in T-step windows; a short text gets fewer streams, then shorter windows.
  int B = std::max(1, options.batch), T = std::max(1, options.steps);
  if (usable / B < T)
    B = int(std::max<std::int64_t>(1, usable / T));
  const std::int64_t streamLength = usable / B;
  T = int(std::min<std::int64_t>(T, streamLength));
  const std::int64_t windowsPerEpoch = streamLength / T;

  OptimizerSettings settings;
  settings.kind = OptimizerKind::Adam;
  settings.learningRate = options.learningRate;
  Optimizer<float> optimizer(settings, result.rnn.size());
  TanhRnn<float> grads(vocabSize, options.hiddenSize);
  TanhRnnCache<float> cache;
  Matrix<float> state = Matrix<float>::Zero(options.hiddenSize, B);
  std::vector<std::int32_t> windowTokens(std::size_t(T * B)), windowTargets(std::size_t(T * B));
  std::deque<double> recent;

  for (std::int64_t iteration = 0; iteration < options.iterations; ++iteration) {
    if (cancel.load(std::memory_order_relaxed)) {
      result.cancelled = true;
      break;
    }
    const std::int64_t window = iteration % windowsPerEpoch;
    if (window == 0)
      state.setZero(); // a new epoch starts every stream from the zero state
    for (int t = 0; t < T; ++t)
      for (int b = 0; b < B; ++b) {
        const std::int64_t position = b * streamLength + window * T + t;
        windowTokens[std::size_t(t * B + b)] = tokens[std::size_t(position)];
        windowTargets[std::size_t(t * B + b)] = tokens[std::size_t(position + 1)];
      }
    const double loss = tanhRnnForward(result.rnn, windowTokens, windowTargets, B, state, cache) / double(T * B);
    grads.flat().setZero();
    tanhRnnBackward(result.rnn, cache, grads, 1.0f / float(T * B));
    clipGradientNorm(grads.flat(), options.clipNorm);
    optimizer.step(result.rnn.flat(), grads.flat());
    state = cache.hidden.rightCols(B); // truncated BPTT: carry the state, not its gradient

    if (iteration == 0)
      result.firstLoss = loss;
    recent.push_back(loss);
    if (recent.size() > 20)
      recent.pop_front();
    result.iterations = iteration + 1;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    TanhRnnTrainingProgress progress;
    progress.iteration = iteration + 1;
    progress.totalIterations = options.iterations;
    progress.loss = loss;
    progress.elapsedSeconds = elapsed;
    progress.fraction = double(iteration + 1) / double(options.iterations);
    if (options.timeBudgetSeconds > 0)
      progress.fraction = std::max(progress.fraction, std::min(1.0, elapsed / options.timeBudgetSeconds));
    if (onProgress)
      onProgress(progress);
    if (options.timeBudgetSeconds > 0 && elapsed >= options.timeBudgetSeconds)
      break;
  }
  result.lastLoss = recent.empty() ? result.firstLoss
                                   : std::accumulate(recent.begin(), recent.end(), 0.0) / double(recent.size());
  return result;
}

} // namespace lstm
