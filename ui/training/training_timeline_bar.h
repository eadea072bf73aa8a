#pragma once
// "Explore while training" controls: send the current weights to the explorer, follow the newest
// snapshot as training goes, and a slider over training time that shows any kept snapshot. The bar owns the
// TrainingTimeline; what "showing" means is the window's business — it listens to snapshotChosen. Slider moves
// are coalesced, so dragging re-runs the explorer at most once per frame. GUI thread only.
#include "training/training_timeline.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace lstm {

class SteadyLabel;

class RefreshCoalescer;

class TrainingTimelineBar : public QWidget {
  Q_OBJECT
public:
  explicit TrainingTimelineBar(QWidget *parent = nullptr);

  // Keeps a snapshot; in follow mode the slider jumps to it (and snapshotChosen follows).
  void addSnapshot(std::shared_ptr<const Model> model, qint64 iteration);
  void clear();
  // Moves the slider to the snapshot nearest `iteration` and chooses it (even when the slider is already there).
  void showIteration(qint64 iteration);

  const TrainingTimeline &timeline() const { return m_timeline; }
  int snapshotEvery() const;
  void setSnapshotEvery(int iterations);
  bool follow() const;
  void setFollow(bool on);
  int currentIndex() const; // −1 when empty
  // Chooses the slider's snapshot now instead of at the next coalesced refresh (tests, screenshots).
  void flush();

Q_SIGNALS:
  void exploreNowClicked();                   // the user wants the weights of this very moment
  void snapshotEveryChanged(int iterations);
  // The user (or follow mode) picked this snapshot: show it in the explorer.
  void snapshotChosen(std::shared_ptr<const lstm::Model> model, qint64 iteration);

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void updateSlider();
  void updateLabel();
  void choose();

  TrainingTimeline m_timeline;
  RefreshCoalescer *m_chooser = nullptr;
  bool m_moving = false; // the slider is being set by code, not by the user
  QPushButton *m_exploreNow = nullptr;
  QCheckBox *m_follow = nullptr;
  QSpinBox *m_every = nullptr;
  QSlider *m_slider = nullptr;
  SteadyLabel *m_label = nullptr;
};

} // namespace lstm
