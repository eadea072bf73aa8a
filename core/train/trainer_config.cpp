#include "trainer_config.h"


#include <unistd.h>

#include <cmath>

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

bool TrainerConfig::validate(const Corpus &corpus, Problem *problem) const {
  const auto bad = [problem](ProblemCode code, qint64 value = 0, qint64 limit = 0) {
    return report(problem, Problem(code).withValue(QString::number(value)).withLimit(QString::number(limit)));
  };
  if (seqLength < 1 || seqLength > 100000)
    return bad(ProblemCode::TrainSequenceLength, seqLength, 100000);
  if (batchSize < 1 || batchSize > 100000)
    return bad(ProblemCode::TrainBatch, batchSize, 100000);
  if (embedDim < 0)
    return bad(ProblemCode::TrainEmbedding, embedDim);
  if (threads < 1 || threads > 256)
    return bad(ProblemCode::TrainThreads, threads, 256);
  if (iterations < 0 || !(epochs >= 0.0) || !std::isfinite(epochs))
    return report(problem, Problem(ProblemCode::TrainLength));
  if (evalEvery < 0)
    return report(problem, Problem(ProblemCode::TrainEvaluationInterval));
  if (!(timeLimitSeconds >= 0.0) || !std::isfinite(timeLimitSeconds))
    return report(problem, Problem(ProblemCode::TrainTimeLimit));
  if (!std::isfinite(clipNorm))
    return report(problem, Problem(ProblemCode::TrainClipNorm));
  if (forgetBias && !std::isfinite(*forgetBias))
    return report(problem, Problem(ProblemCode::TrainForgetBias));
  if (!modelConfig(corpus).validate(problem) || !optimizer.validate(problem))
    return false;
  const std::int64_t needed = std::int64_t(batchSize) * seqLength + 1;
  if (corpus.trainSize < needed)
    return report(problem, Problem(corpus.isSeries() ? ProblemCode::TrainSeriesTooShort : ProblemCode::TrainTextTooShort,
                                   {QString::number(batchSize), QString::number(seqLength)})
                               .withField(corpus.name)
                               .withValue(QString::number(corpus.trainSize))
                               .withLimit(QString::number(needed)));
  const std::int64_t validation = corpus.size() - corpus.trainSize;
  if (validation > 0 && validation < seqLength + 1)
    return report(problem, Problem(corpus.isSeries() ? ProblemCode::TrainSeriesValidationTooShort
                                                     : ProblemCode::TrainTextValidationTooShort)
                               .withField(corpus.name)
                               .withValue(QString::number(validation))
                               .withLimit(QString::number(seqLength + 1)));
  const std::int64_t memory = physicalMemoryBytes();
  const std::int64_t estimate = estimatedBytes(corpus);
  if (memory > 0 && estimate > memory * 8 / 10)
    return report(problem, Problem(ProblemCode::TrainNotEnoughMemory)
                               .withValue(QString::number(double(estimate) / (1 << 30), 'f', 1))
                               .withLimit(QString::number(double(memory) * 0.8 / (1 << 30), 'f', 1)));
  return true;
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

bool TrainerConfig::fromJson(const QJsonObject &json, TrainerConfig &config, Problem *problem) {
  static const char *const required[] = {"hidden_size", "num_layers", "embed_dim", "seq_length", "batch_size",
                                         "optimizer", "learning_rate", "clip_norm", "iterations", "epochs",
                                         "eval_every", "seed", "threads"};
  for (const char *key : required)
    if (!json.contains(QLatin1String(key)))
      return report(problem, Problem(ProblemCode::SettingsMissingKey).withField(QLatin1String(key)));
  TrainerConfig c;
  c.hiddenSize = json.value(QStringLiteral("hidden_size")).toInt();
  c.numLayers = json.value(QStringLiteral("num_layers")).toInt();
  c.embedDim = json.value(QStringLiteral("embed_dim")).toInt();
  c.seqLength = json.value(QStringLiteral("seq_length")).toInt();
  c.batchSize = json.value(QStringLiteral("batch_size")).toInt();
  if (!parseOptimizerKind(json.value(QStringLiteral("optimizer")).toString().toStdString(), c.optimizer.kind))
    return report(problem, Problem(ProblemCode::SettingsUnknownOptimizer));
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
  if (!seedOk)
    return report(problem, Problem(ProblemCode::SettingsBadSeed));
  config = c;
  return true;
}

} // namespace lstm
