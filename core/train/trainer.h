#pragma once
// Trains a character model on a corpus — or, on a series corpus, a next-value regression model — char-rnn style: the training text is cut into B parallel streams, each
// iteration takes the next T characters of every stream, and the LSTM state is carried from window to window
// (reset at each epoch). Adam/RMSprop/SGD with global-norm clipping, periodic validation, a NaN/Inf guard,
// cancellation within one time step, checkpoints that resume bit-exactly.
// Same seed and thread count ⇒ bit-identical weights. One thread drives a Trainer (it starts its own workers).
#include "baselines.h"
#include "data/corpus.h"
#include "model/batch_runner.h"
#include "model/model.h"
#include "model/rng.h"
#include "trainer_config.h"
#include "training_record.h"

#include <atomic>
#include <functional>
#include <limits>
#include <memory>

namespace lstm {

struct ExampleLesson;

struct TrainingProgress {
  std::int64_t iteration = 0;       // iterations completed
  std::int64_t totalIterations = 0;
  double epoch = 0.0;               // iterations / windows per epoch
  double loss = 0.0;                // mean training loss of this iteration's window (nats per character)
  double smoothedLoss = 0.0;        // bias-corrected moving average of the training loss (~20 iterations)
  double validationLoss = std::numeric_limits<double>::quiet_NaN(); // latest; NaN before the first evaluation
  double bitsPerChar = std::numeric_limits<double>::quiet_NaN();    // validationLoss / ln 2
  bool evaluated = false;           // validation was computed at this iteration
  double gradientNorm = 0.0;        // before clipping
  double tokensPerSecond = 0.0;     // training characters per second in this run, evaluation excluded
  double elapsedSeconds = 0.0;      // wall time of this run
  double etaSeconds = 0.0;          // estimated time to the last iteration
};

enum class TrainingOutcome { Finished, Cancelled, Diverged };

class Trainer {
public:
  using ProgressCallback = std::function<void(const TrainingProgress &)>;

  // Initialises the weights from config.seed. Precondition: config.validate(*corpus) is empty.
  Trainer(std::shared_ptr<const Corpus> corpus, const TrainerConfig &config);
  ~Trainer();
  Trainer(const Trainer &) = delete;
  Trainer &operator=(const Trainer &) = delete;

  // Continues a run saved by saveCheckpoint(). The corpus must be the one it was made on (same SHA-256 and
  // split). totalIterations > 0 replaces the planned length; threads > 0 replaces the thread count (the result
  // then differs in the last bits from an uninterrupted run). Returns nullptr and a problem naming the file.
  static std::unique_ptr<Trainer> resume(std::shared_ptr<const Corpus> corpus, const QString &checkpoint,
                                         Problem *problem, std::int64_t totalIterations = 0, int threads = 0);

  // Runs until the planned iterations are done, `cancel` is raised, or the loss or weights stop being finite.
  // Calls onProgress after every iteration, on the calling thread.
  TrainingOutcome run(const std::atomic<bool> &cancel, const ProgressCallback &onProgress = {});
  // Mean loss on (at most maxEvalTokens of) the validation text; NaN without validation text or when cancelled.
  double evaluate(const std::atomic<bool> *cancel = nullptr);

  const TrainerConfig &config() const { return m_config; }
  const Corpus &corpus() const { return *m_corpus; }
  // The current weights, with the metadata known from the start (a series corpus's SeriesRecord, the lesson);
  // no training record: modelWithRecord() adds it.
  const Model &model() const { return m_model; }
  // A copy of the current weights whose metadata also holds trainingRecord(): what saveModel() writes.
  Model modelWithRecord() const;
  // The run so far: corpus, settings, iterations, best validation loss, history, baselines.
  TrainingRecord trainingRecord() const;
  const Baselines &baselines() const { return m_baselines; }
  const std::vector<HistoryPoint> &history() const { return m_history; }
  std::int64_t iteration() const { return m_iteration; }
  std::int64_t totalIterations() const { return m_totalIterations; }
  double bestValidationLoss() const { return m_bestValidationLoss; }
  std::int64_t bestIteration() const { return m_bestIteration; }
  // After Cancelled or Diverged: what happened and what the weights are now (TrainingStopped…, TrainingDiverged);
  // not set after Finished.
  const Problem &outcome() const { return m_outcome; }

  // A checkpoint is a model file plus optimiser moments, carried state, position and RNG: resuming it gives the
  // weights an uninterrupted run would have. Saved atomically.
  bool saveCheckpoint(const QString &path, Problem *problem);
  // The lesson stored with the model being trained (kept in models and checkpoints).
  void setLesson(const ExampleLesson &lesson);
  // The model alone (with its training record), saved atomically.
  bool saveModel(const QString &path, Problem *problem);

private:
  struct Restored;
  Trainer(std::shared_ptr<const Corpus> corpus, const TrainerConfig &config, const Restored *restored);
  void loadWindow(std::int64_t window);
  bool finishIteration(double loss, double norm); // false when diverged

  std::shared_ptr<const Corpus> m_corpus;
  TrainerConfig m_config;
  Model m_model;                      // weights being trained (float)
  Parameters<float> m_grads;
  Parameters<float> m_lastGood;       // the weights that last gave a finite loss and gradient …
  std::int64_t m_lastGoodIteration = 0; // … after this many iterations
  Optimizer<float> m_optimizer;
  std::unique_ptr<BatchRunner<float>> m_runner;
  std::unique_ptr<BatchRunner<float>> m_evalRunner; // created on first evaluation
  Rng m_rng;
  Baselines m_baselines;
  std::vector<std::int32_t> m_windowTokens, m_windowTargets; // (N) scratch
  Matrix<float> m_windowInput, m_windowValues;               // (1, N) scratch of series corpora
  std::int64_t m_windowsPerEpoch = 0;
  std::int64_t m_iteration = 0;
  std::int64_t m_totalIterations = 0;
  double m_smoothedSum = 0.0;         // moving-average numerator and its bias correction
  double m_smoothedWeight = 0.0;
  double m_lastValidationLoss = std::numeric_limits<double>::quiet_NaN();
  double m_bestValidationLoss = std::numeric_limits<double>::quiet_NaN();
  std::int64_t m_bestIteration = -1;
  std::vector<HistoryPoint> m_history;
  Problem m_outcome;
};

} // namespace lstm
