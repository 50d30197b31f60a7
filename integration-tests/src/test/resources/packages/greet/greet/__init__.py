import sys


def hello(name):
    return f"hello, {name}"


def main():
    print(hello(sys.argv[1] if len(sys.argv) > 1 else "world"), sys.executable)
