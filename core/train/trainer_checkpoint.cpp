// Trainer checkpoints: a model file whose "checkpoint" header object and extra blocks hold the optimiser moments,
// the carried LSTM state of every stream, the position, the RNG and the history (core/io/model_file.h).
#include "io/model_file.h"
#include "trainer_restored.h"

#include <QJsonArray>

#include <cmath>

namespace lstm {

namespace {
constexpr char kCheckpointKind[] = "lstm-explorer-training-checkpoint";

QJsonValue finiteOrNull(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }
double numberOrNaN(const QJsonValue &v) { return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN(); }

std::vector<float> toStd(const Vector<float> &v) { return {v.data(), v.data() + v.size()}; }
} // namespace

void Trainer::Restored::applyTo(Trainer &trainer) const {
  trainer.m_model.parameters = parameters;
  trainer.m_optimizer.setStepCount(optimizerSteps);
  const auto fill = [](Vector<float> &target, const std::vector<float> &source) {
    if (!source.empty())
      target = ConstVectorMap<float>(source.data(), Eigen::Index(source.size()));
  };
  fill(trainer.m_optimizer.first(), optimizerFirst);
  fill(trainer.m_optimizer.second(), optimizerSecond);
  fill(trainer.m_optimizer.third(), optimizerThird);
  const int L = trainer.m_model.config.numLayers, B = trainer.m_config.batchSize, H = trainer.m_model.config.hiddenSize;
  for (int layer = 0; layer < L; ++layer)
    for (int b = 0; b < B; ++b) {
      const std::size_t at = (std::size_t(layer) * std::size_t(B) + std::size_t(b)) * std::size_t(H);
      trainer.m_runner->setState(layer, b, ConstVectorMap<float>(hidden.data() + at, H),
                                 ConstVectorMap<float>(cell.data() + at, H));
    }
  trainer.m_rng.setState(rng);
  trainer.m_iteration = iteration;
  trainer.m_totalIterations = totalIterations;
  trainer.m_smoothedSum = smoothedSum;
  trainer.m_smoothedWeight = smoothedWeight;
  trainer.m_lastValidationLoss = lastValidationLoss;
  trainer.m_bestValidationLoss = bestValidationLoss;
  trainer.m_bestIteration = bestIteration;
  trainer.m_history = history;
}

bool Trainer::saveCheckpoint(const QString &path, Problem *problem) {
  FileExtras extras;
  const Rng::State rng = m_rng.state();
  QJsonArray rngWords;
  for (std::uint64_t word : rng.words)
    rngWords.append(QString::number(word, 16));
  QJsonArray history;
  for (const HistoryPoint &p : m_history)
    history.append(QJsonArray{qint64(p.iteration), p.epoch, p.trainLoss, finiteOrNull(p.validationLoss)});
  extras.header = QJsonObject{
      {QStringLiteral("kind"), QLatin1String(kCheckpointKind)},
      {QStringLiteral("trainer"), m_config.toJson()},
      {QStringLiteral("corpus_sha256"), QString::fromLatin1(m_corpus->sha256)},
      {QStringLiteral("corpus_name"), m_corpus->name},
      {QStringLiteral("train_characters"), qint64(m_corpus->trainSize)},
      {QStringLiteral("corpus_characters"), qint64(m_corpus->size())},
      {QStringLiteral("iteration"), qint64(m_iteration)},
      {QStringLiteral("total_iterations"), qint64(m_totalIterations)},
      {QStringLiteral("optimizer_steps"), qint64(m_optimizer.stepCount())},
      {QStringLiteral("rng"), QJsonObject{{QStringLiteral("words"), rngWords},
                                          {QStringLiteral("has_spare"), rng.hasSpareNormal},
                                          {QStringLiteral("spare"), rng.spareNormal}}},
      {QStringLiteral("smoothed"), QJsonArray{m_smoothedSum, m_smoothedWeight}},
      {QStringLiteral("last_validation_loss"), finiteOrNull(m_lastValidationLoss)},
      {QStringLiteral("best_validation_loss"), finiteOrNull(m_bestValidationLoss)},
      {QStringLiteral("best_iteration"), qint64(m_bestIteration)},
      {QStringLiteral("history"), history}};
  extras.blocks.push_back({"optimizer.first", toStd(m_optimizer.first())});
  extras.blocks.push_back({"optimizer.second", toStd(m_optimizer.second())});
  extras.blocks.push_back({"optimizer.third", toStd(m_optimizer.third())});
  const int L = m_model.config.numLayers, B = m_config.batchSize, H = m_model.config.hiddenSize;
  std::vector<float> hidden, cell;
  hidden.reserve(std::size_t(L) * std::size_t(B) * std::size_t(H));
  cell.reserve(hidden.capacity());
  for (int layer = 0; layer < L; ++layer)
    for (int b = 0; b < B; ++b) {
      const Vector<float> h = m_runner->hiddenState(layer, b), c = m_runner->cellState(layer, b);
      hidden.insert(hidden.end(), h.data(), h.data() + H);
      cell.insert(cell.end(), c.data(), c.data() + H);
    }
  extras.blocks.push_back({"state.hidden", std::move(hidden)});
  extras.blocks.push_back({"state.cell", std::move(cell)});
  return lstm::saveModel(modelWithRecord(), path, problem, &extras);
}

bool Trainer::saveModel(const QString &path, Problem *problem) { return lstm::saveModel(modelWithRecord(), path, problem); }

std::unique_ptr<Trainer> Trainer::resume(std::shared_ptr<const Corpus> corpus, const QString &checkpoint,
                                         Problem *problem, std::int64_t totalIterations, int threads) {
  const auto fail = [&](Problem found) {
    report(problem, found.inFile(checkpoint));
    return nullptr;
  };
  FileExtras extras;
  std::optional<Model> model = loadModel(checkpoint, problem, &extras);
  if (!model)
    return nullptr;
  const QJsonObject h = extras.header;
  if (h.value(QStringLiteral("kind")).toString() != QLatin1String(kCheckpointKind))
    return fail(Problem(ProblemCode::CheckpointIsModel));
  TrainerConfig config;
  Problem settingsProblem;
  if (!TrainerConfig::fromJson(h.value(QStringLiteral("trainer")).toObject(), config, &settingsProblem))
    return fail(settingsProblem);
  if (h.value(QStringLiteral("corpus_sha256")).toString().toLatin1() != corpus->sha256 ||
      h.value(QStringLiteral("train_characters")).toInteger() != corpus->trainSize)
    return fail(Problem(ProblemCode::CheckpointOtherCorpus, {h.value(QStringLiteral("corpus_sha256")).toString().left(12)})
                    .withField(h.value(QStringLiteral("corpus_name")).toString())
                    .withValue(QString::number(h.value(QStringLiteral("train_characters")).toInteger())));
  if (threads > 0)
    config.threads = threads;
  if (!config.validate(*corpus, &settingsProblem))
    return fail(settingsProblem);
  if (!(model->config == config.modelConfig(*corpus)) || !(model->vocabulary == corpus->vocabulary))
    return fail(Problem(ProblemCode::CheckpointModelMismatch));

  Restored restored;
  restored.parameters = std::move(model->parameters);
  const std::int64_t P = restored.parameters.size();
  const std::size_t stateSize = std::size_t(config.numLayers) * std::size_t(config.batchSize) * std::size_t(config.hiddenSize);
  const auto block = [&](const char *name, std::size_t expected, bool optional, std::vector<float> &out) {
    const FileExtras::Block *b = extras.find(name);
    if (b && (b->values.size() == expected || (optional && b->values.empty()))) {
      out = b->values;
      return true;
    }
    return false;
  };
  if (!block("optimizer.first", std::size_t(P), true, restored.optimizerFirst) ||
      !block("optimizer.second", std::size_t(P), true, restored.optimizerSecond) ||
      !block("optimizer.third", std::size_t(P), true, restored.optimizerThird) ||
      !block("state.hidden", stateSize, false, restored.hidden) || !block("state.cell", stateSize, false, restored.cell))
    return fail(Problem(ProblemCode::CheckpointBlocks));
  restored.optimizerSteps = h.value(QStringLiteral("optimizer_steps")).toInteger();
  restored.iteration = h.value(QStringLiteral("iteration")).toInteger(-1);
  restored.totalIterations = totalIterations > 0 ? totalIterations : h.value(QStringLiteral("total_iterations")).toInteger();
  if (totalIterations > 0 && totalIterations < restored.iteration)
    return fail(Problem(ProblemCode::CheckpointAlreadyAt).withValue(QString::number(restored.iteration)));
  if (restored.iteration < 0 || restored.optimizerSteps < 0 || restored.totalIterations < restored.iteration)
    return fail(Problem(ProblemCode::CheckpointPosition)
                    .withValue(QString::number(restored.iteration))
                    .withLimit(QString::number(restored.totalIterations)));
  const QJsonObject rng = h.value(QStringLiteral("rng")).toObject();
  const QJsonArray words = rng.value(QStringLiteral("words")).toArray();
  if (words.size() != 4)
    return fail(Problem(ProblemCode::CheckpointRandomState));
  for (int k = 0; k < 4; ++k)
    restored.rng.words[std::size_t(k)] = words[k].toString().toULongLong(nullptr, 16);
  restored.rng.hasSpareNormal = rng.value(QStringLiteral("has_spare")).toBool();
  restored.rng.spareNormal = rng.value(QStringLiteral("spare")).toDouble();
  const QJsonArray smoothed = h.value(QStringLiteral("smoothed")).toArray();
  restored.smoothedSum = smoothed.at(0).toDouble();
  restored.smoothedWeight = smoothed.at(1).toDouble();
  restored.lastValidationLoss = numberOrNaN(h.value(QStringLiteral("last_validation_loss")));
  restored.bestValidationLoss = numberOrNaN(h.value(QStringLiteral("best_validation_loss")));
  restored.bestIteration = h.value(QStringLiteral("best_iteration")).toInteger(-1);
  for (const QJsonValue &entry : h.value(QStringLiteral("history")).toArray()) {
    const QJsonArray p = entry.toArray();
    restored.history.push_back({p.at(0).toInteger(), p.at(1).toDouble(), p.at(2).toDouble(), numberOrNaN(p.at(3))});
  }
  return std::unique_ptr<Trainer>(new Trainer(std::move(corpus), config, &restored));
}

} // namespace lstm
