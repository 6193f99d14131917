"""The window's end of the check server: a dead server is reported, then started again."""

from __future__ import annotations

from editor.gui.worker import ServerClient


def test_a_dead_server_is_reported_and_restarted(qtbot, tmp_path):
    client = ServerClient(in_process=False)
    assert client.start()
    try:
        with qtbot.waitSignal(client.died, timeout=30_000) as died:
            client._server.kill()
        assert "退出" in died.args[0]
        assert not client.running
        assert client.start()
        reply = client.call("open", str(tmp_path / "missing.txt"), timeout=60)
        assert reply[0] == "failed" and "文件不存在" in reply[2]
    finally:
        client.close()
    assert not client.running
