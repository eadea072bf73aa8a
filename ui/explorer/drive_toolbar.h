#pragma once
// The toolbar that drives the model: step back (←), play/pause (Space), step forward (→), reset, the play rate,
// read/write mode and the sampling controls (temperature, top-k, seed, "let me pick"). It only calls the session.
#include <QToolBar>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace lstm {

class ExplorerSession;

class DriveToolBar : public QToolBar {
  Q_OBJECT
public:
  explicit DriveToolBar(ExplorerSession *session, QWidget *parent = nullptr);

  QAction *stepBackAction() const { return m_stepBack; }
  QAction *playAction() const { return m_play; }
  QAction *stepForwardAction() const { return m_stepForward; }
  QAction *resetAction() const { return m_reset; }

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void syncFromSession();
  void applySampling();

  ExplorerSession *m_session;
  QAction *m_stepBack, *m_play, *m_stepForward, *m_reset, *m_pick;
  QSpinBox *m_rate;
  QComboBox *m_mode;
  QDoubleSpinBox *m_temperature;
  QSpinBox *m_topK, *m_seed;
  QLabel *m_rateLabel, *m_temperatureLabel, *m_topKLabel, *m_seedLabel;
};

} // namespace lstm
