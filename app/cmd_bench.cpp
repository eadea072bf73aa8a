// lstm-explorer-cli bench: training throughput and batch-1 stepping latency on synthetic tokens, measured the
// way tools/bench_vs_pytorch.py measures PyTorch (warm-up, timed windows, median).
#include "cli_common.h"
#include "commands.h"
#include "explore/stepper.h"
#include "io/json_text.h"
#include "model/batch_runner.h"
#include "model/initialization.h"
#include "model/optimizer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

namespace lstm::cli {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

struct BenchOptions {
  int vocab, hidden, layers, steps, batch, threads, iters, repeats, stepCount;
  bool json;
};

// FLOPs of one training iteration counted as tools/bench_vs_pytorch.py counts them for PyTorch (one-hot input
// as a dense product), so GFLOP/s figures are comparable: 3 × forward.
double trainFlops(const BenchOptions &o) {
  double forward = 0;
  for (int layer = 0; layer < o.layers; ++layer)
    forward += 2.0 * 4 * o.hidden * ((layer == 0 ? o.vocab : o.hidden) + o.hidden) * o.batch;
  forward += 2.0 * o.hidden * o.vocab * o.batch;
  return 3 * forward * o.steps;
}

std::string configName(const BenchOptions &o, bool step) {
  char name[96];
  if (step)
    std::snprintf(name, sizeof name, "step_V%d_H%d_L%d_B1", o.vocab, o.hidden, o.layers);
  else
    std::snprintf(name, sizeof name, "V%d_H%d_L%d_T%d_B%d", o.vocab, o.hidden, o.layers, o.steps, o.batch);
  return name;
}

ModelConfig benchConfig(const BenchOptions &o) {
  ModelConfig config;
  config.input = InputKind::OneHot;
  config.head = HeadKind::Softmax;
  config.vocabSize = o.vocab;
  config.hiddenSize = o.hidden;
  config.numLayers = o.layers;
  if (Problem problem; !config.validate(&problem))
    throw problemError(problem);
  return config;
}

int benchTraining(const BenchOptions &o) {
  const ModelConfig config = benchConfig(o);
  Parameters<float> params(config), grads(config);
  Rng rng(1234);
  initializeParameters(params, rng);
  OptimizerSettings settings;
  settings.kind = OptimizerKind::Adam;
  settings.learningRate = 2e-3;
  Optimizer<float> adam(settings, params.size());
  BatchRunner<float> runner(config, o.steps, o.batch, o.threads);

  // 16 windows of random tokens, (T+1)·B each: inputs are steps 0..T−1, targets steps 1..T.
  const int columns = o.steps * o.batch;
  std::vector<std::vector<std::int32_t>> windows(16);
  for (auto &window : windows) {
    window.resize(std::size_t(columns + o.batch));
    for (auto &token : window)
      token = std::int32_t(rng.below(std::uint64_t(o.vocab)));
  }
  int iteration = 0;
  double loss = 0.0;
  auto oneIteration = [&] {
    const auto &window = windows[std::size_t(iteration++ % 16)];
    runner.setTokens({window.data(), std::size_t(columns)});
    runner.setTargetTokens({window.data() + o.batch, std::size_t(columns)});
    loss = runner.forwardBackward(params, grads);
    clipGradientNorm(grads, 5.0);
    adam.step(params, grads);
    runner.carryState();
  };

  // Warm-up: 3 iterations or 1.5 s, then choose the window length for ≈1.5 s unless --iters is given.
  const auto warmStart = Clock::now();
  double lastIteration = 0.0;
  for (int k = 0; k < 3 && (k == 0 || secondsSince(warmStart) < 1.5); ++k) {
    const auto start = Clock::now();
    oneIteration();
    lastIteration = secondsSince(start);
  }
  const int iters = o.iters > 0 ? o.iters : std::clamp(int(1.5 / std::max(lastIteration, 1e-6) + 0.5), 1, 1000);
  std::vector<double> windowMs;
  for (int r = 0; r < o.repeats; ++r) {
    const auto start = Clock::now();
    for (int k = 0; k < iters; ++k)
      oneIteration();
    windowMs.push_back(secondsSince(start) * 1e3 / iters);
  }
  const double ms = median(windowMs);
  const double tokensPerSecond = columns / (ms / 1e3);
  const double gflops = trainFlops(o) / (ms / 1e3) / 1e9;
  if (o.json) {
    std::string out = "{\"mode\":\"train\",\"config\":\"" + configName(o, false) +
                      "\",\"threads\":" + std::to_string(runner.threads()) + ",\"tokens_per_s\":";
    appendJsonNumber(out, tokensPerSecond);
    out += ",\"ms_per_iter\":";
    appendJsonNumber(out, ms);
    out += ",\"iters\":" + std::to_string(iters) + ",\"repeats_ms\":[";
    for (std::size_t k = 0; k < windowMs.size(); ++k) {
      out += k ? "," : "";
      appendJsonNumber(out, windowMs[k]);
    }
    out += "],\"gflops\":";
    appendJsonNumber(out, gflops);
    out += ",\"final_loss\":";
    appendJsonNumber(out, loss);
    out += "}";
    writeStdout(out);
  } else {
    writeStdout(QStringLiteral("%1  threads %2  %3 tokens/s  %4 ms/iter  %5 GFLOP/s  (median of %6 × %7 iterations, "
                               "loss %8)")
                    .arg(QString::fromStdString(configName(o, false)))
                    .arg(runner.threads())
                    .arg(tokensPerSecond, 0, 'f', 0)
                    .arg(ms, 0, 'f', 2)
                    .arg(gflops, 0, 'f', 1)
                    .arg(o.repeats)
                    .arg(iters)
                    .arg(loss, 0, 'f', 4));
  }
  return kOk;
}

int benchStepping(const BenchOptions &o) {
  auto model = std::make_shared<Model>();
  model->config = benchConfig(o);
  std::vector<char32_t> symbols;
  for (int k = 0; k < o.vocab; ++k)
    symbols.push_back(char32_t(0x100 + k));
  model->vocabulary = *Vocabulary::create(symbols);
  model->parameters = Parameters<float>(model->config);
  Rng rng(1234);
  initializeParameters(model->parameters, rng);
  Stepper stepper(model);
  std::vector<std::int32_t> tokens(std::size_t(o.stepCount));
  for (auto &token : tokens)
    token = std::int32_t(rng.below(std::uint64_t(o.vocab)));

  // Each timed window starts from an empty trace, as the explorer does after a reset; trace growth is included.
  float checksum = 0.0f;
  for (int k = 0; k < std::min(200, o.stepCount); ++k)
    checksum += stepper.step(tokens[std::size_t(k)]).output(0);
  std::vector<double> windowUs;
  for (int r = 0; r < o.repeats; ++r) {
    stepper.reset();
    const auto start = Clock::now();
    for (std::int32_t token : tokens)
      checksum += stepper.step(token).output(0);
    windowUs.push_back(secondsSince(start) * 1e6 / o.stepCount);
  }
  const double us = median(windowUs);
  if (!std::isfinite(checksum))
    throw CliError{QStringLiteral("stepping produced non-finite probabilities")};
  if (o.json) {
    std::string out = "{\"mode\":\"step\",\"config\":\"" + configName(o, true) + "\",\"us_per_step\":";
    appendJsonNumber(out, us);
    out += ",\"steps\":" + std::to_string(o.stepCount) + ",\"repeats_us_per_step\":[";
    for (std::size_t k = 0; k < windowUs.size(); ++k) {
      out += k ? "," : "";
      appendJsonNumber(out, windowUs[k]);
    }
    out += "]}";
    writeStdout(out);
  } else {
    writeStdout(QStringLiteral("%1  %2 µs/step  (median of %3 × %4 steps, trace recorded)")
                    .arg(QString::fromStdString(configName(o, true)))
                    .arg(us, 0, 'f', 1)
                    .arg(o.repeats)
                    .arg(o.stepCount));
  }
  return kOk;
}

} // namespace

int runBench(const QStringList &arguments) {
  QCommandLineParser parser;
  const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
  parser.addOptions({
      {QStringLiteral("vocab"), QStringLiteral("Vocabulary size V (one-hot input). Default 65."), QStringLiteral("V")},
      {QStringLiteral("hidden"), QStringLiteral("Hidden units H. Default 128."), QStringLiteral("H")},
      {QStringLiteral("layers"), QStringLiteral("LSTM layers L. Default 1."), QStringLiteral("L")},
      {QStringLiteral("seq"), QStringLiteral("Steps per window T (training). Default 64."), QStringLiteral("T")},
      {QStringLiteral("batch"), QStringLiteral("Parallel streams B (training). Default 32."), QStringLiteral("B")},
      {QStringLiteral("threads"), QStringLiteral("Worker threads (training). Default: all %1 cores.").arg(cores),
       QStringLiteral("N")},
      {QStringLiteral("iters"), QStringLiteral("Iterations per timed window. Default: about 1.5 s worth."),
       QStringLiteral("K")},
      {QStringLiteral("repeats"), QStringLiteral("Timed windows; the median is reported. Default 3."), QStringLiteral("R")},
      {QStringLiteral("step"), QStringLiteral("Measure batch-1 stepping with softmax instead of training.")},
      {QStringLiteral("steps"), QStringLiteral("Steps per timed window with --step. Default 1000."), QStringLiteral("S")},
      {QStringLiteral("json"), QStringLiteral("Print one JSON object.")},
  });
  parseOrThrow(parser, arguments,
               QStringLiteral("Train on synthetic random tokens (one-hot input, Adam lr 2e-3, clip 5, state carried) "
                              "and print tokens/s, or with --step time batch-1 stepping."),
               {});
  BenchOptions o;
  o.vocab = intOption(parser, QStringLiteral("vocab"), 65, 2, ModelConfig::kMaxVocab);
  o.hidden = intOption(parser, QStringLiteral("hidden"), 128, 1, ModelConfig::kMaxHidden);
  o.layers = intOption(parser, QStringLiteral("layers"), 1, 1, ModelConfig::kMaxLayers);
  o.steps = intOption(parser, QStringLiteral("seq"), 64, 1, 1 << 16);
  o.batch = intOption(parser, QStringLiteral("batch"), 32, 1, 1 << 16);
  o.threads = intOption(parser, QStringLiteral("threads"), cores, 1, 256);
  o.iters = intOption(parser, QStringLiteral("iters"), 0, 1, 1 << 20);
  o.repeats = intOption(parser, QStringLiteral("repeats"), 3, 1, 1000);
  o.stepCount = intOption(parser, QStringLiteral("steps"), 1000, 1, 1 << 24);
  o.json = parser.isSet(QStringLiteral("json"));
  if (std::int64_t(o.steps) * o.batch > (std::int64_t(1) << 26))
    throw CliError{QStringLiteral("--seq × --batch must stay below 67 million columns")};
  return parser.isSet(QStringLiteral("step")) ? benchStepping(o) : benchTraining(o);
}

} // namespace lstm::cli
