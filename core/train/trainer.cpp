#include "trainer.h"

#include "data/series_corpus.h"
#include "io/model_metadata.h"
#include "model/initialization.h"
#include "trainer_restored.h"

#include <chrono>
#include <cmath>
#include <numbers>

namespace lstm {

namespace {
constexpr double kSmoothing = 0.95; // moving average of the training loss: ~20 iterations of memory
using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }
} // namespace

Trainer::Trainer(std::shared_ptr<const Corpus> corpus, const TrainerConfig &config)
    : Trainer(std::move(corpus), config, nullptr) {}

Trainer::Trainer(std::shared_ptr<const Corpus> corpus, const TrainerConfig &config, const Restored *restored)
    : m_corpus(std::move(corpus)), m_config(config), m_rng(config.seed) {
  const ModelConfig modelConfig = config.modelConfig(*m_corpus);
  m_model.config = modelConfig;
  m_model.vocabulary = m_corpus->vocabulary;
  m_model.parameters = Parameters<float>(modelConfig);
  m_grads = Parameters<float>(modelConfig);
  m_optimizer = Optimizer<float>(config.optimizer, m_model.parameters.size());
  m_runner = std::make_unique<BatchRunner<float>>(modelConfig, config.seqLength, config.batchSize, config.threads);
  if (m_corpus->isSeries()) { // what the forecast view needs: the units of the series, and where it came from
    ModelMetadata metadata;
    metadata.series = seriesRecordOf(*m_corpus);
    m_model.metadata = toJson(metadata);
  }
  m_windowsPerEpoch = config.windowsPerEpoch(*m_corpus);
  m_totalIterations = config.totalIterations(*m_corpus);
  const std::size_t columns = std::size_t(config.seqLength) * std::size_t(config.batchSize);
  const std::int64_t evalLength = std::min<std::int64_t>(m_corpus->size() - m_corpus->trainSize, config.maxEvalTokens);
  if (m_corpus->isSeries()) {
    m_windowInput.resize(1, Eigen::Index(columns));
    m_windowValues.resize(1, Eigen::Index(columns));
    m_baselines = computeSeriesBaselines(m_corpus->trainValues(),
                                         m_corpus->validationValues().first(std::size_t(evalLength)));
  } else {
    m_windowTokens.resize(columns);
    m_windowTargets.resize(columns);
    m_baselines = computeBaselines(m_corpus->train(), m_corpus->validation().first(std::size_t(evalLength)),
                                   m_corpus->vocabulary.size());
  }
  if (restored)
    restored->applyTo(*this);
  else
    initializeParameters(m_model.parameters, m_rng, InitOptions{config.forgetBias});
  m_lastGood = m_model.parameters;
  m_lastGoodIteration = m_iteration;
}

Trainer::~Trainer() = default;

void Trainer::loadWindow(std::int64_t window) {
  // Stream b is the b-th of B equal slices of the training text; window w reads its characters
  // [w·T, (w+1)·T) and predicts each one's successor.
  const int T = m_config.seqLength, B = m_config.batchSize;
  const std::int64_t streamLength = (m_corpus->trainSize - 1) / B;
  if (m_corpus->isSeries()) {
    const auto values = m_corpus->trainValues();
    for (int t = 0; t < T; ++t)
      for (int b = 0; b < B; ++b) {
        const std::size_t position = std::size_t(b * streamLength + window * T + t);
        m_windowInput(0, t * B + b) = values[position];
        m_windowValues(0, t * B + b) = values[position + 1];
      }
    m_runner->setDenseInput(m_windowInput);
    m_runner->setTargetValues(m_windowValues);
    return;
  }
  const auto text = m_corpus->train();
  for (int t = 0; t < T; ++t)
    for (int b = 0; b < B; ++b) {
      const std::size_t position = std::size_t(b * streamLength + window * T + t);
      m_windowTokens[std::size_t(t * B + b)] = text[position];
      m_windowTargets[std::size_t(t * B + b)] = text[position + 1];
    }
  m_runner->setTokens(m_windowTokens);
  m_runner->setTargetTokens(m_windowTargets);
}

TrainingOutcome Trainer::run(const std::atomic<bool> &cancel, const ProgressCallback &onProgress) {
  m_outcome = Problem();
  m_runner->setCancelFlag(&cancel);
  const auto start = Clock::now();
  const std::int64_t firstIteration = m_iteration;
  double trainingSeconds = 0.0, evaluationSeconds = 0.0;
  int evaluations = 0;
  while (m_iteration < m_totalIterations) {
    if (cancel.load()) {
      m_outcome = Problem(ProblemCode::TrainingStoppedAfter)
                      .withValue(QString::number(m_iteration))
                      .withLimit(QString::number(m_totalIterations));
      return TrainingOutcome::Cancelled;
    }
    const auto iterationStart = Clock::now();
    const std::int64_t window = m_iteration % m_windowsPerEpoch;
    if (window == 0)
      m_runner->resetState(); // a new epoch starts every stream again from its beginning
    loadWindow(window);
    const double loss = m_runner->forwardBackward(m_model.parameters, m_grads);
    if (cancel.load()) { // the pass stopped part-way: nothing has been applied
      m_outcome = Problem(ProblemCode::TrainingStoppedDuring)
                      .withValue(QString::number(m_iteration + 1))
                      .withLimit(QString::number(m_totalIterations));
      return TrainingOutcome::Cancelled;
    }
    const double norm = clipGradientNorm(m_grads, m_config.clipNorm);
    if (!finishIteration(loss, norm))
      return TrainingOutcome::Diverged;
    trainingSeconds += since(iterationStart);

    TrainingProgress progress;
    progress.iteration = m_iteration;
    progress.totalIterations = m_totalIterations;
    progress.epoch = double(m_iteration) / double(m_windowsPerEpoch);
    progress.loss = loss;
    progress.smoothedLoss = m_smoothedSum / m_smoothedWeight;
    progress.gradientNorm = norm;
    const bool outOfTime = m_config.timeLimitSeconds > 0 && since(start) >= m_config.timeLimitSeconds;
    if (outOfTime) // the run ends here, as if this had been the planned last iteration
      m_totalIterations = m_iteration;
    const bool evaluateNow = m_iteration == m_totalIterations ||
                             (m_config.evalEvery > 0 && m_iteration % m_config.evalEvery == 0);
    if (evaluateNow) {
      const auto evaluationStart = Clock::now();
      const double validation = evaluate(&cancel);
      evaluationSeconds += since(evaluationStart);
      ++evaluations;
      if (cancel.load()) {
        m_outcome = Problem(ProblemCode::TrainingStoppedInValidation)
                        .withValue(QString::number(m_iteration))
                        .withLimit(QString::number(m_totalIterations));
        return TrainingOutcome::Cancelled;
      }
      progress.evaluated = true;
      m_lastValidationLoss = validation;
      if (std::isfinite(validation) && !(validation >= m_bestValidationLoss)) {
        m_bestValidationLoss = validation;
        m_bestIteration = m_iteration;
      }
      m_history.push_back({m_iteration, progress.epoch, progress.smoothedLoss, validation});
    }
    progress.validationLoss = m_lastValidationLoss;
    progress.bitsPerChar = m_lastValidationLoss / std::numbers::ln2;
    const std::int64_t done = m_iteration - firstIteration, left = m_totalIterations - m_iteration;
    const double perIteration = double(m_config.seqLength) * double(m_config.batchSize);
    progress.tokensPerSecond = double(done) * perIteration / std::max(trainingSeconds, 1e-9);
    progress.elapsedSeconds = since(start);
    const double perEvaluation = evaluations > 0 ? evaluationSeconds / evaluations : 0.0;
    const double evaluationsLeft = m_config.evalEvery > 0 ? double(left / m_config.evalEvery) + 1.0 : 1.0;
    progress.etaSeconds = left > 0 ? trainingSeconds / double(done) * double(left) + perEvaluation * evaluationsLeft : 0.0;
    if (m_config.timeLimitSeconds > 0)
      progress.etaSeconds = std::min(progress.etaSeconds, std::max(0.0, m_config.timeLimitSeconds - since(start)));
    if (onProgress)
      onProgress(progress);
  }
  return TrainingOutcome::Finished;
}

bool Trainer::finishIteration(double loss, double norm) {
  // NaN/Inf guard: a non-finite loss or gradient, or weights that the update made non-finite, stop the run with
  // the weights of the last iteration that still had a finite loss.
  const auto diverged = [&](const Problem &what) {
    const std::int64_t failed = m_iteration + 1;
    m_model.parameters = m_lastGood;
    m_iteration = m_lastGoodIteration; // the counter matches the weights again
    m_outcome = Problem(ProblemCode::TrainingDiverged, {QString::number(m_iteration)})
                    .withValue(QString::number(failed))
                    .because(what);
    return false;
  };
  if (!std::isfinite(loss))
    return diverged(Problem(ProblemCode::DivergedLoss).withValue(QString::number(loss)));
  if (!std::isfinite(norm))
    return diverged(Problem(ProblemCode::DivergedGradient).withValue(QString::number(norm)));
  m_lastGood.flat() = m_model.parameters.flat(); // these weights just gave a finite loss and gradient
  m_lastGoodIteration = m_iteration;
  m_optimizer.step(m_model.parameters, m_grads);
  if (!m_model.parameters.flat().allFinite())
    return diverged(Problem(ProblemCode::DivergedWeights));
  m_runner->carryState();
  ++m_iteration;
  m_smoothedSum = kSmoothing * m_smoothedSum + (1.0 - kSmoothing) * loss;
  m_smoothedWeight = kSmoothing * m_smoothedWeight + (1.0 - kSmoothing);
  return true;
}

double Trainer::evaluate(const std::atomic<bool> *cancel) {
  // The first maxEvalTokens of the held-out tail, cut into up to B streams, state carried, from zero.
  const std::int64_t length = std::min<std::int64_t>(m_corpus->size() - m_corpus->trainSize, m_config.maxEvalTokens);
  const int T = m_config.seqLength;
  if (length < T + 1)
    return std::numeric_limits<double>::quiet_NaN();
  const int streams = int(std::clamp<std::int64_t>((length - 1) / T, 1, m_config.batchSize));
  const std::int64_t streamLength = (length - 1) / streams, windows = streamLength / T;
  if (!m_evalRunner)
    m_evalRunner = std::make_unique<BatchRunner<float>>(m_model.config, T, streams, m_config.threads);
  m_evalRunner->setCancelFlag(cancel);
  m_evalRunner->resetState();
  const bool series = m_corpus->isSeries();
  const auto validation = m_corpus->validation();
  const auto values = m_corpus->validationValues();
  std::vector<std::int32_t> tokens(series ? 0 : std::size_t(T * streams)), targets(tokens.size());
  Matrix<float> input(1, series ? T * streams : 0), target(1, input.cols());
  double sum = 0.0;
  for (std::int64_t w = 0; w < windows; ++w) {
    for (int t = 0; t < T; ++t)
      for (int b = 0; b < streams; ++b) {
        const std::size_t position = std::size_t(b * streamLength + w * T + t);
        if (series) {
          input(0, t * streams + b) = values[position];
          target(0, t * streams + b) = values[position + 1];
        } else {
          tokens[std::size_t(t * streams + b)] = validation[position];
          targets[std::size_t(t * streams + b)] = validation[position + 1];
        }
      }
    if (series) {
      m_evalRunner->setDenseInput(input);
      m_evalRunner->setTargetValues(target);
    } else {
      m_evalRunner->setTokens(tokens);
      m_evalRunner->setTargetTokens(targets);
    }
    sum += m_evalRunner->forward(m_model.parameters);
    m_evalRunner->carryState();
    if (cancel && cancel->load())
      return std::numeric_limits<double>::quiet_NaN();
  }
  return sum / double(windows);
}

Model Trainer::modelWithRecord() const {
  Model model = m_model;
  ModelMetadata metadata = readMetadata(model.metadata);
  metadata.training = trainingRecord();
  model.metadata = toJson(metadata);
  return model;
}

void Trainer::setLesson(const ExampleLesson &lesson) {
  ModelMetadata metadata = readMetadata(m_model.metadata);
  metadata.lesson = lesson;
  m_model.metadata = toJson(metadata);
}

TrainingRecord Trainer::trainingRecord() const {
  TrainingRecord record;
  record.corpus = m_corpus->name;
  record.corpusSha256 = m_corpus->sha256;
  record.corpusCharacters = m_corpus->size();
  record.trainCharacters = m_corpus->trainSize;
  record.corpusFormat = m_corpus->isSeries() ? QStringLiteral("series") : QString::fromLatin1(toString(m_corpus->format));
  record.settings = m_config;
  record.iterations = m_iteration;
  record.epochs = double(m_iteration) / double(m_windowsPerEpoch);
  record.bestValidationLoss = m_bestValidationLoss;
  record.bestIteration = m_bestIteration;
  record.unigramBaseline = m_baselines.unigram;
  record.bigramBaseline = m_baselines.bigram;
  record.history = m_history;
  return record;
}

} // namespace lstm
