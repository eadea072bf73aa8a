#pragma once
// The toolbar that drives the model: previous step (←), play/pause from the cursor (Space), next step (→), reset,
// the play rate, read/write mode and the sampling controls (temperature, top-k, seed, "let me pick"); the Step menu
// adds first (Home) and last step (End) and dropping the last step (Backspace, Ctrl+Z). It only calls the session.
#include <QToolBar>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace lstm {

class ExplorerKeys;
class ExplorerSession;

class DriveToolBar : public QToolBar {
  Q_OBJECT
public:
  explicit DriveToolBar(ExplorerSession *session, QWidget *parent = nullptr);

  QAction *previousStepAction() const { return m_previous; }
  QAction *playAction() const { return m_play; }
  QAction *nextStepAction() const { return m_next; }
  QAction *firstStepAction() const { return m_first; }
  QAction *lastStepAction() const { return m_last; }
  QAction *dropLastStepAction() const { return m_dropLast; }
  QAction *resetAction() const { return m_reset; }
  // The Step menu's entries, in order.
  QList<QAction *> stepMenuActions() const;
  // Gives the keys ← → Home End Space Backspace Ctrl+Z to their actions.
  void bindKeys(ExplorerKeys &keys) const;

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void syncFromSession();
  void applySampling();

  ExplorerSession *m_session;
  QAction *m_previous, *m_play, *m_next, *m_first, *m_last, *m_dropLast, *m_reset, *m_pick;
  QSpinBox *m_rate;
  QComboBox *m_mode;
  QDoubleSpinBox *m_temperature;
  QSpinBox *m_topK, *m_seed;
  QLabel *m_rateLabel, *m_temperatureLabel, *m_topKLabel, *m_seedLabel;
};

} // namespace lstm
