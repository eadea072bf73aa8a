#pragma once
// What the run's best weights are and how the run compares with them: "best validation loss X at iteration N",
// a note that stays once validation has risen past its best ("validation best X at iteration N; now Y"), and, when
// the run has ended, a note when its final or best loss is worse than the bigram baseline (a series: the naive
// forecast). Its buttons save or explore the best weights while the run goes on. Shown from a run's start; its
// height stays the same while the run goes on. GUI thread only.
#include <QWidget>

class QLabel;
class QPushButton;

namespace lstm {

class BestWeights;
class SteadyLabel;
class TrainingController;
struct Corpus;

class BestWeightsBar : public QWidget {
  Q_OBJECT
public:
  BestWeightsBar(TrainingController *controller, BestWeights *best, QWidget *parent = nullptr);

  // A run on `corpus` was accepted: the bar appears and words losses as a series forecaster's or a text model's.
  void runStarted(const Corpus &corpus);
  // The note under the buttons, as shown.
  QString note() const;
  // Says where the best weights were saved, under the note, until the next run (the run's own status line is
  // rewritten with every progress report).
  void showSaved(const QString &message);

Q_SIGNALS:
  void saveClicked();
  void exploreClicked();

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void updateNote();
  QString baselineNote() const; // empty unless the run ended worse than the bigram baseline

  TrainingController *m_controller;
  BestWeights *m_best;
  bool m_series = false;
  SteadyLabel *m_note = nullptr;
  QPushButton *m_save = nullptr;
  QPushButton *m_explore = nullptr;
  QLabel *m_saved = nullptr;
};

} // namespace lstm
