import KaoheKit
print("kaohe")
