#pragma once
// The buttons of a training run: Train, Pause / Resume and Stop, and below them Save model, Save checkpoint and
// Resume checkpoint — each enabled only when it can act. Pause and Stop go straight to the controller; the others
// are announced, for the panel decides what starting or saving involves. GUI thread only.
#include <QWidget>

class QPushButton;

namespace lstm {

class TrainingController;

class TrainingRunControls : public QWidget {
  Q_OBJECT
public:
  explicit TrainingRunControls(TrainingController *controller, QWidget *parent = nullptr);

  // Train needs a loaded corpus (none loading) and settings that fit it; Resume checkpoint needs the corpus.
  void setReadiness(bool corpusReady, bool settingsValid);

Q_SIGNALS:
  void trainClicked();
  void saveClicked(bool checkpoint); // false: the model only
  void resumeCheckpointClicked();

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void updateButtons();
  void onPauseClicked();

  TrainingController *m_controller;
  bool m_corpusReady = false;
  bool m_settingsValid = false;
  bool m_pauseWanted = false; // pause() asked and not yet resumed (the state changes a little later)
  QPushButton *m_trainButton = nullptr;
  QPushButton *m_pauseButton = nullptr;
  QPushButton *m_stopButton = nullptr;
  QPushButton *m_saveButton = nullptr;
  QPushButton *m_saveCheckpointButton = nullptr;
  QPushButton *m_resumeCheckpointButton = nullptr;
};

} // namespace lstm
