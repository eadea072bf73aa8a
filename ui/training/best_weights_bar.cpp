#include "best_weights_bar.h"

#include "common/steady_label.h"
#include "data/corpus.h"
#include "training/best_weights.h"
#include "training/training_controller.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace lstm {

namespace {
QString loss(double value, bool series) { return QString::number(value, 'f', series ? 4 : 3); }
} // namespace

BestWeightsBar::BestWeightsBar(TrainingController *controller, BestWeights *best, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_best(best) {
  setObjectName(QStringLiteral("bestWeightsBar"));
  m_note = new SteadyLabel(this);
  m_note->setObjectName(QStringLiteral("bestWeightsNote"));
  m_save = new QPushButton(this);
  m_save->setObjectName(QStringLiteral("saveBestButton"));
  m_explore = new QPushButton(this);
  m_explore->setObjectName(QStringLiteral("exploreBestButton"));
  m_saved = new QLabel(this);
  m_saved->setObjectName(QStringLiteral("bestSavedLabel"));
  m_saved->setWordWrap(true);
  m_saved->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_saved->hide();
  auto *buttons = new QHBoxLayout;
  buttons->addWidget(m_save);
  buttons->addWidget(m_explore);
  buttons->addStretch(1);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(buttons);
  layout->addWidget(m_note);
  layout->addWidget(m_saved);
  connect(m_save, &QPushButton::clicked, this, &BestWeightsBar::saveClicked);
  connect(m_explore, &QPushButton::clicked, this, &BestWeightsBar::exploreClicked);
  connect(m_best, &BestWeights::changed, this, &BestWeightsBar::updateNote);
  connect(m_controller, &TrainingController::finished, this, &BestWeightsBar::updateNote);
  retranslateUi();
  hide();
}

void BestWeightsBar::runStarted(const Corpus &corpus) {
  m_series = corpus.isSeries();
  m_saved->clear();
  m_saved->hide();
  retranslateUi();
  show();
}

void BestWeightsBar::showSaved(const QString &message) {
  m_saved->setText(message);
  m_saved->show();
}

QString BestWeightsBar::note() const { return m_note->text(); }

void BestWeightsBar::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

void BestWeightsBar::retranslateUi() {
  m_save->setText(tr("Save best…"));
  m_save->setToolTip(tr("Save the weights with the lowest validation loss so far, while the run goes on"));
  m_explore->setText(tr("Explore best"));
  m_explore->setToolTip(tr("Show the weights with the lowest validation loss so far in the explorer"));
  // Room for the longest note a running run shows, so its changes never move the curves below.
  m_note->setReservedTexts({tr("Validation best %1 at iteration %2; now %3 (iteration %4). It has risen past its "
                               "best: the model is learning its training text by heart. The best weights are kept.")
                                .arg(loss(99.999, m_series), QString::number(99999999), loss(99.999, m_series),
                                     QString::number(99999999))});
  updateNote();
}

QString BestWeightsBar::baselineNote() const {
  const Baselines *baselines = m_controller->baselines();
  const double latest = m_best->latestLoss(), best = m_best->bestLoss();
  if (m_controller->state() != TrainingController::State::Idle || !baselines || !(baselines->bigram > 0.0) ||
      !std::isfinite(latest))
    return {};
  const QString bigram = loss(baselines->bigram, m_series);
  if (best > baselines->bigram)
    return m_series ? tr("Even the best validation loss %1 is worse than the naive forecast %2 (repeating the last "
                         "value): the model has learned less than that.")
                          .arg(loss(best, true), bigram)
                    : tr("Even the best validation loss %1 is worse than the bigram baseline %2 (each character "
                         "guessed from the one before): a smaller model, more text or more iterations may help.")
                          .arg(loss(best, false), bigram);
  if (latest > baselines->bigram)
    return m_series ? tr("The final validation loss %1 is worse than the naive forecast %2; the best weights "
                         "(iteration %3) are better.")
                          .arg(loss(latest, true), bigram)
                          .arg(m_best->bestIteration())
                    : tr("The final validation loss %1 is worse than the bigram baseline %2; the best weights "
                         "(iteration %3) are better.")
                          .arg(loss(latest, false), bigram)
                          .arg(m_best->bestIteration());
  return {};
}

void BestWeightsBar::updateNote() {
  const bool haveBest = m_best->model() != nullptr;
  m_save->setEnabled(haveBest);
  m_explore->setEnabled(haveBest);
  QString text;
  if (m_best->bestIteration() < 0)
    text = tr("The weights with the lowest validation loss are kept from the first evaluation on.");
  else if (m_best->hasRisen())
    text = tr("Validation best %1 at iteration %2; now %3 (iteration %4). It has risen past its best: the model "
              "is learning its training text by heart. The best weights are kept.")
               .arg(loss(m_best->bestLoss(), m_series))
               .arg(m_best->bestIteration())
               .arg(loss(m_best->latestLoss(), m_series))
               .arg(m_best->latestIteration());
  else
    text = tr("Best validation loss %1 at iteration %2.")
               .arg(loss(m_best->bestLoss(), m_series))
               .arg(m_best->bestIteration());
  const QString baseline = baselineNote();
  if (!baseline.isEmpty())
    text += QLatin1Char('\n') + baseline;
  const bool warn = m_best->hasRisen() || !baseline.isEmpty();
  m_note->setStyleSheet(warn ? QStringLiteral("color: #c62828;") : QString());
  m_note->setText(text);
}

} // namespace lstm
