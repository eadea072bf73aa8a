#pragma once
// The best weights of a run so far: it follows the controller's evaluations and the snapshot each one brings, and
// keeps the weights with the lowest validation loss — to save or explore while the run goes on — and whether
// validation has since risen past that best (a persistent sign of overfitting, not a guess from the last few
// points). A new or resumed run starts afresh (a resumed one from the weights it resumes). No widgets; GUI thread.
#include "training/training_controller.h"

#include <QObject>

#include <limits>
#include <memory>

namespace lstm {

struct Model;

class BestWeights : public QObject {
  Q_OBJECT
public:
  // Validation must exceed the best by this fraction to count as risen (smaller wiggles are noise).
  static constexpr double kRiseTolerance = 0.02;

  explicit BestWeights(TrainingController *controller, QObject *parent = nullptr);

  // The weights with the lowest validation loss of this run; nullptr before the first evaluation's snapshot.
  std::shared_ptr<const Model> model() const { return m_model; }
  qint64 modelIteration() const { return m_modelIteration; } // model()'s iteration; -1 without one
  double bestLoss() const { return m_bestLoss; }             // NaN before the first evaluation
  qint64 bestIteration() const { return m_bestIteration; }   // -1 before the first evaluation
  double latestLoss() const { return m_latestLoss; }         // the last evaluation's validation loss
  qint64 latestIteration() const { return m_latestIteration; }
  // Some evaluation after the best was more than kRiseTolerance above it; stays true until a new best.
  bool hasRisen() const { return m_risen; }

Q_SIGNALS:
  void changed(); // an evaluation arrived, or the best weights changed

private:
  void reset();
  void onProgress(const TrainingProgress &progress);
  void onSnapshot(const std::shared_ptr<const Model> &model, qint64 iteration);

  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  std::shared_ptr<const Model> m_model;
  qint64 m_modelIteration = -1;
  double m_bestLoss = kNone;
  qint64 m_bestIteration = -1;
  double m_latestLoss = kNone;
  qint64 m_latestIteration = -1;
  bool m_risen = false;
};

} // namespace lstm
