#include "best_weights.h"

#include <cmath>

namespace lstm {

BestWeights::BestWeights(TrainingController *controller, QObject *parent) : QObject(parent) {
  connect(controller, &TrainingController::started, this, &BestWeights::reset);
  connect(controller, &TrainingController::progress, this, &BestWeights::onProgress);
  connect(controller, &TrainingController::snapshot, this, &BestWeights::onSnapshot);
}

void BestWeights::reset() {
  m_model.reset();
  m_modelIteration = m_bestIteration = m_latestIteration = -1;
  m_bestLoss = m_latestLoss = kNone;
  m_risen = false;
  Q_EMIT changed();
}

void BestWeights::onProgress(const TrainingProgress &progress) {
  if (!progress.evaluated || !std::isfinite(progress.validationLoss))
    return;
  m_latestLoss = progress.validationLoss;
  m_latestIteration = progress.iteration;
  if (!std::isfinite(m_bestLoss) || progress.validationLoss < m_bestLoss) {
    // The controller copies the weights at every evaluation, right after this progress: onSnapshot keeps them.
    m_bestLoss = progress.validationLoss;
    m_bestIteration = progress.iteration;
    m_risen = false;
  } else if (progress.validationLoss > m_bestLoss * (1.0 + kRiseTolerance)) {
    m_risen = true;
  }
  Q_EMIT changed();
}

void BestWeights::onSnapshot(const std::shared_ptr<const Model> &model, qint64 iteration) {
  if (iteration != m_bestIteration || iteration == m_modelIteration)
    return;
  m_model = model;
  m_modelIteration = iteration;
  Q_EMIT changed();
}

} // namespace lstm
