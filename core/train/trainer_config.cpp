#include "trainer_config.h"


#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace lstm {

std::int64_t physicalMemoryBytes() {
  const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && pageSize > 0 ? std::int64_t(pages) * pageSize : 0;
}

ModelConfig TrainerConfig::modelConfig(const Corpus &corpus) const {
  ModelConfig c;
  if (corpus.isSeries()) { // one value in, the next value out
    c.input = InputKind::Dense;
    c.inputSize = 1;
    c.head = HeadKind::Regression;
    c.outputSize = 1;
    c.hiddenSize = hiddenSize;
    c.numLayers = numLayers;
    return c;
  }
  c.input = embedDim > 0 ? InputKind::Embedding : InputKind::OneHot;
  c.head = HeadKind::Softmax;
  c.vocabSize = corpus.vocabulary.size();
  c.embedDim = embedDim;
  c.hiddenSize = hiddenSize;
  c.numLayers = numLayers;
  return c;
}

std::int64_t TrainerConfig::windowsPerEpoch(const Corpus &corpus) const {
  if (batchSize < 1 || seqLength < 1 || corpus.trainSize < 2)
    return 0;
  const std::int64_t streamLength = (corpus.trainSize - 1) / batchSize;
  return streamLength / seqLength;
}

std::int64_t TrainerConfig::totalIterations(const Corpus &corpus) const {
  if (iterations > 0)
    return iterations;
  const double e = epochs > 0 ? epochs : 1.0;
  return std::max<std::int64_t>(1, std::int64_t(std::llround(e * double(windowsPerEpoch(corpus)))));
}

std::int64_t TrainerConfig::estimatedBytes(const Corpus &corpus) const {
  const ModelConfig model = modelConfig(corpus);
  const std::int64_t P = std::max<std::int64_t>(model.parameterCount(), 0);
  const std::int64_t H = hiddenSize, V = corpus.vocabulary.size(), E = embedDim;
  const std::int64_t columns = std::int64_t(seqLength) * batchSize;
  // Per column and layer: gates and their gradients (8H), c, tanh c, h, ∂h (4H); per column: logits,
  // probabilities and their gradient (3V), embeddings (2E). The evaluation runner holds as much again.
  const std::int64_t activations = 2 * columns * (12 * H * numLayers + 3 * V + 2 * E);
  // Weights, gradients, last good weights, up to three optimiser moments, one gradient buffer per extra thread.
  const std::int64_t weights = P * (6 + std::max(threads - 1, 0));
  return 4 * (activations + weights) + 4 * corpus.size();
}

std::string TrainerConfig::validate(const Corpus &corpus) const {
  const std::string name = QStringLiteral("the corpus %1").arg(corpus.name).toStdString();
  const std::string items = corpus.isSeries() ? " values" : " characters";
  if (seqLength < 1 || seqLength > 100000)
    return "the sequence length is " + std::to_string(seqLength) + "; it must be between 1 and 100000";
  if (batchSize < 1 || batchSize > 100000)
    return "the batch is " + std::to_string(batchSize) + "; it must be between 1 and 100000";
  if (embedDim < 0)
    return "the embedding size is " + std::to_string(embedDim) + "; use 0 for one-hot input";
  if (threads < 1 || threads > 256)
    return "the thread count is " + std::to_string(threads) + "; it must be between 1 and 256";
  if (iterations < 0 || !(epochs >= 0.0) || !std::isfinite(epochs))
    return "the training length must be a positive number of iterations or epochs";
  if (evalEvery < 0)
    return "the evaluation interval must be zero or positive";
  if (!(timeLimitSeconds >= 0.0) || !std::isfinite(timeLimitSeconds))
    return "the time limit must be zero (none) or a positive number of seconds";
  if (!std::isfinite(clipNorm))
    return "the clipping norm must be a number";
  if (forgetBias && !std::isfinite(*forgetBias))
    return "the forget-gate bias must be a number";
  if (const std::string problem = modelConfig(corpus).validate(); !problem.empty())
    return problem;
  if (const std::string problem = optimizer.validate(); !problem.empty())
    return problem;
  const std::int64_t needed = std::int64_t(batchSize) * seqLength + 1;
  if (corpus.trainSize < needed)
    return "the training part of " + name + " has " + std::to_string(corpus.trainSize) + items + ", but " +
           std::to_string(batchSize) + " streams of " + std::to_string(seqLength) + " steps need at least " +
           std::to_string(needed) + "; use a smaller batch or sequence length, or a longer" + (corpus.isSeries() ? " series" : " text");
  const std::int64_t validation = corpus.size() - corpus.trainSize;
  if (validation > 0 && validation < seqLength + 1)
    return "the validation part of " + name + " has " + std::to_string(validation) + items + ", fewer than one " +
           "window of " + std::to_string(seqLength + 1) + "; shorten the sequence or hold out more" +
           (corpus.isSeries() ? " values" : " text");
  const std::int64_t memory = physicalMemoryBytes();
  const std::int64_t estimate = estimatedBytes(corpus);
  if (memory > 0 && estimate > memory * 8 / 10) {
    char text[160];
    std::snprintf(text, sizeof text, "this configuration needs about %.1f GiB of memory, more than the %.1f GiB this "
                  "machine has can spare; use fewer hidden units, layers, steps or streams",
                  double(estimate) / (1 << 30), double(memory) * 0.8 / (1 << 30));
    return text;
  }
  return {};
}

QJsonObject TrainerConfig::toJson() const {
  QJsonObject json{{QStringLiteral("hidden_size"), hiddenSize},
                   {QStringLiteral("num_layers"), numLayers},
                   {QStringLiteral("embed_dim"), embedDim},
                   {QStringLiteral("seq_length"), seqLength},
                   {QStringLiteral("batch_size"), batchSize},
                   {QStringLiteral("optimizer"), QString::fromLatin1(toString(optimizer.kind))},
                   {QStringLiteral("learning_rate"), optimizer.learningRate},
                   {QStringLiteral("momentum"), optimizer.momentum},
                   {QStringLiteral("weight_decay"), optimizer.weightDecay},
                   {QStringLiteral("clip_norm"), clipNorm},
                   {QStringLiteral("iterations"), qint64(iterations)},
                   {QStringLiteral("epochs"), epochs},
                   {QStringLiteral("eval_every"), evalEvery},
                   {QStringLiteral("time_limit_s"), timeLimitSeconds},
                   {QStringLiteral("max_eval_tokens"), qint64(maxEvalTokens)},
                   {QStringLiteral("seed"), QString::number(seed)},
                   {QStringLiteral("threads"), threads}};
  if (forgetBias)
    json[QStringLiteral("forget_bias")] = *forgetBias;
  return json;
}

bool TrainerConfig::fromJson(const QJsonObject &json, TrainerConfig &config, QString *problem) {
  static const char *const required[] = {"hidden_size", "num_layers", "embed_dim", "seq_length", "batch_size",
                                         "optimizer", "learning_rate", "clip_norm", "iterations", "epochs",
                                         "eval_every", "seed", "threads"};
  for (const char *key : required)
    if (!json.contains(QLatin1String(key))) {
      if (problem)
        *problem = QStringLiteral("the training settings lack '%1'").arg(QLatin1String(key));
      return false;
    }
  TrainerConfig c;
  c.hiddenSize = json.value(QStringLiteral("hidden_size")).toInt();
  c.numLayers = json.value(QStringLiteral("num_layers")).toInt();
  c.embedDim = json.value(QStringLiteral("embed_dim")).toInt();
  c.seqLength = json.value(QStringLiteral("seq_length")).toInt();
  c.batchSize = json.value(QStringLiteral("batch_size")).toInt();
  if (!parseOptimizerKind(json.value(QStringLiteral("optimizer")).toString().toStdString(), c.optimizer.kind)) {
    if (problem)
      *problem = QStringLiteral("the training settings name an unknown optimizer");
    return false;
  }
  c.optimizer.learningRate = json.value(QStringLiteral("learning_rate")).toDouble();
  c.optimizer.momentum = json.value(QStringLiteral("momentum")).toDouble();
  c.optimizer.weightDecay = json.value(QStringLiteral("weight_decay")).toDouble();
  c.clipNorm = json.value(QStringLiteral("clip_norm")).toDouble();
  c.iterations = json.value(QStringLiteral("iterations")).toInteger();
  c.epochs = json.value(QStringLiteral("epochs")).toDouble();
  c.evalEvery = json.value(QStringLiteral("eval_every")).toInt();
  c.timeLimitSeconds = json.value(QStringLiteral("time_limit_s")).toDouble(0.0);
  c.maxEvalTokens = json.value(QStringLiteral("max_eval_tokens")).toInteger(c.maxEvalTokens);
  bool seedOk = false;
  c.seed = json.value(QStringLiteral("seed")).toString().toULongLong(&seedOk);
  c.threads = json.value(QStringLiteral("threads")).toInt();
  if (json.contains(QStringLiteral("forget_bias")))
    c.forgetBias = json.value(QStringLiteral("forget_bias")).toDouble();
  if (!seedOk) {
    if (problem)
      *problem = QStringLiteral("the training settings have an unreadable seed");
    return false;
  }
  config = c;
  return true;
}

} // namespace lstm
